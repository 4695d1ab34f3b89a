package se.lagesbild.system;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends plain-text e-mail over SMTP when {@code LAGESBILD_MAIL_HOST} is set; off otherwise (leads then download
 * links for a mail merge). Port, user, password, TLS mode and sender come from the environment (README, "E-mail").
 */
@Singleton
public class Mailer {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String tls;
    private final String from;

    public Mailer(@Value("${lagesbild.mail.host:}") String host,
                  @Value("${lagesbild.mail.port:587}") int port,
                  @Value("${lagesbild.mail.username:}") String username,
                  @Value("${lagesbild.mail.password:}") String password,
                  @Value("${lagesbild.mail.tls:starttls}") String tls,
                  @Value("${lagesbild.mail.from:lagesbild@localhost}") String from) {
        this.host = host.strip();
        this.port = port;
        this.username = username.strip();
        this.password = password;
        this.tls = tls.strip().toLowerCase(java.util.Locale.ROOT);
        this.from = from.strip();
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    /** Sends one message; throws {@link MailFailure} with the server's words when it is refused. */
    public void send(String to, String subject, String body) {
        if (!enabled()) {
            throw new IllegalStateException("E-mail is not configured (LAGESBILD_MAIL_HOST)");
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new MailFailure(to, e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        switch (tls) {
            case "starttls" -> properties.put("mail.smtp.starttls.enable", "true");
            case "ssl", "tls" -> properties.put("mail.smtp.ssl.enable", "true");
            default -> { } // "none": plain SMTP, for a relay on the same host or a test server
        }
        if (username.isEmpty()) {
            return Session.getInstance(properties);
        }
        properties.put("mail.smtp.auth", "true");
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        });
    }

    /** A message the SMTP server did not take. */
    public static class MailFailure extends RuntimeException {
        public MailFailure(String to, Exception cause) {
            super("Mail to " + to + " was not accepted: " + cause.getMessage(), cause);
        }
    }
}
