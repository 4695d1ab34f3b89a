package se.lagesbild.account;

import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.List;

/**
 * How people may sign in: the identity providers configured, and whether the password form is open. An
 * administrator may close the password form once the organisation's provider does the work; it stays open while no
 * provider is configured, and {@code LAGESBILD_PASSWORD_LOGIN_FORCED=true} opens it again whatever the setting says
 * (the way back in when the provider is gone for good).
 */
@Singleton
public class SignInOptions {

    static final String PASSWORD_LOGIN = "password-login";

    private final SettingRepository settings;
    private final UserIdentityRepository identities;
    private final OidcProviders providers;
    private final AuditTrail audit;
    private final boolean forced;

    SignInOptions(SettingRepository settings, UserIdentityRepository identities, OidcProviders providers, AuditTrail audit,
                  @Value("${lagesbild.login.password-forced:false}") boolean forced) {
        this.settings = settings;
        this.identities = identities;
        this.providers = providers;
        this.audit = audit;
        this.forced = forced;
    }

    /** What the login page offers: the password form or not, and a button per provider. */
    @Serdeable
    public record View(boolean password, List<ProviderView> providers) {
    }

    @Serdeable
    public record ProviderView(String id, String name) {
    }

    public View view() {
        return new View(passwordAllowed(), providers.all().stream().map(provider -> new ProviderView(provider.id(), provider.name())).toList());
    }

    public boolean passwordAllowed() {
        return forced || !providers.any() || settings.findById(PASSWORD_LOGIN).map(setting -> !"off".equals(setting.value())).orElse(true);
    }

    /**
     * Opens or closes the password form. Closing it is refused while no administrator can sign in through a
     * configured provider: nobody could then give roles any more.
     */
    @Transactional
    public View setPassword(Caller by, boolean allowed) {
        if (!allowed) {
            if (!providers.any()) {
                throw ProblemException.conflict(Text.of("login.password-needed-without-provider"));
            }
            if (identities.countAdministratorsThrough(providers.ids()) == 0) {
                throw ProblemException.conflict(Text.of("login.password-needed-without-administrator",
                        Text.joined("list.or", providers.all().stream().map(OidcProvider::name).toList())));
            }
        }
        Setting setting = new Setting(PASSWORD_LOGIN, allowed ? "on" : "off");
        if (settings.existsById(PASSWORD_LOGIN)) {
            settings.update(setting);
        } else {
            settings.save(setting);
        }
        audit.record(by, null, allowed ? "settings.password-login-on" : "settings.password-login-off", "settings", null, null);
        return view();
    }
}
