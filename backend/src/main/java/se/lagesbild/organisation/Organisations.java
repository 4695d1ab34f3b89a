package se.lagesbild.organisation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import se.lagesbild.access.AccessPolicy;
import se.lagesbild.access.AuditTrail;
import se.lagesbild.access.Caller;
import se.lagesbild.access.Permission;
import se.lagesbild.system.ProblemException;
import se.lagesbild.system.Text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organisations: which exist, which a caller may see, creating one. Other features reach them through here. */
@Singleton
public class Organisations {

    private final OrganisationRepository organisations;
    private final AuditTrail audit;

    public Organisations(OrganisationRepository organisations, AuditTrail audit) {
        this.organisations = organisations;
        this.audit = audit;
    }

    /** The organisation; 404 when it does not exist. */
    public Organisation get(long id) {
        return organisations.findById(id).orElseThrow(() -> notFound(id));
    }

    /** The organisation, if the caller may do this with its things; otherwise 404, as if it did not exist. */
    public Organisation get(long id, Caller caller, Permission permission) {
        return organisations.findById(id).filter(organisation -> AccessPolicy.permits(caller, permission, id))
                .orElseThrow(() -> notFound(id));
    }

    /** Answers 404 for an organisation that does not exist. */
    public void require(long id) {
        if (!exists(id)) {
            throw notFound(id);
        }
    }

    /** Answers 404 for an organisation that does not exist or whose things the caller may not do this with. */
    public void require(long id, Caller caller, Permission permission) {
        if (!AccessPolicy.permits(caller, permission, id) || !exists(id)) {
            throw notFound(id);
        }
    }

    public boolean exists(long id) {
        return organisations.existsById(id);
    }

    /** The organisations the caller may see, by name; all of them for an administrator. */
    public List<Organisation> visibleTo(Caller caller) {
        if (AccessPolicy.all(caller)) {
            return organisations.findAllOrderByName();
        }
        return organisations.findByIdIn(List.copyOf(AccessPolicy.organisationsWhere(caller, Permission.SEE_ORGANISATION)))
                .stream().sorted(Comparator.comparing(Organisation::name)).toList();
    }

    /** The organisations with these ids, by id (ids that do not exist are left out). */
    public Map<Long, Organisation> byId(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return organisations.findByIdIn(List.copyOf(ids)).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity(), (a, b) -> a));
    }

    @Transactional
    public Organisation create(Caller caller, String name) {
        Organisation organisation = organisations.save(new Organisation(null, name.strip(), null));
        audit.record(caller, organisation.id(), "organisation.created", "organisation", organisation.id(), organisation.name());
        return organisation;
    }

    public static ProblemException notFound(long id) {
        return ProblemException.notFound(Text.of("organisation.unknown", id));
    }
}
