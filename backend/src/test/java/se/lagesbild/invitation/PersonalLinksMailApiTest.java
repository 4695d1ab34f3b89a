package se.lagesbild.invitation;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.lagesbild.support.Api;
import se.lagesbild.support.ApiTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lead reaches 30 staff members by pasting their addresses: a real SMTP server on loopback (GreenMail) receives
 * 30 mails whose links open a response with no account; a reminder reaches only those who have not submitted;
 * a retried send mails nobody twice; the open link gives each device one response of its own.
 */
@MicronautTest(transactional = false)
class PersonalLinksMailApiTest extends ApiTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/s/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("lagesbild.mail.host", "127.0.0.1");
        properties.put("lagesbild.mail.port", String.valueOf(ServerSetupTest.SMTP.getPort()));
        properties.put("lagesbild.mail.tls", "none");
        properties.put("lagesbild.mail.from", "lagesbild@lund.se");
        return properties;
    }

    @Test
    void thirtyPastedAddressesGetThirtyWorkingLinksRemindersReachOnlyTheRestAndNobodyIsMailedTwice() throws Exception {
        long lund = api.createOrganisation("Lunds kommun " + UUID.randomUUID());
        Api lead = api.userWithRole("PROJECT_LEAD", lund);
        long roundId = api.createRound(lund, "skatta-laget", "2025");
        String domain = UUID.randomUUID().toString().substring(0, 8) + ".lund.se";
        List<String> addresses = IntStream.rangeClosed(1, 30).mapToObj(i -> "person" + i + "@" + domain).toList();
        List<String> pasted = new ArrayList<>(addresses.subList(0, 4));
        pasted.add("inte en adress");
        pasted.add("Anna Lind <" + addresses.get(4) + ">");
        pasted.add(String.join(", ", addresses.subList(5, 30)));

        Map<String, Object> created = lead.post("/api/rounds/" + roundId + "/links", Map.of("emails", pasted));
        List<Map<String, Object>> links = (List<Map<String, Object>>) created.get("links");
        assertEquals(30, links.size());
        assertEquals(List.of(Map.of("line", 5, "value", "inte en adress",
                "message", "Rad 5: ”inte en adress” är ingen e-postadress. Skriv den som anna.andersson@lund.se.")), created.get("rejected"));
        Map<String, Object> again = lead.post("/api/rounds/" + roundId + "/links", Map.of("emails", List.of(addresses.get(0))));
        assertEquals(links.get(0).get("url"), ((List<Map<String, Object>>) again.get("links")).get(0).get("url"),
                "an address that has a link gets that link back");

        Map<String, Object> sending = lead.post("/api/rounds/" + roundId + "/mailings", Map.of("kind", "INVITATION"));
        assertEquals(30, sending.get("total"));
        awaitDone(lead, roundId, sending);
        Map<String, String> linkByAddress = mailedLinks(30);
        assertEquals(new HashSet<>(addresses), linkByAddress.keySet());
        for (Map<String, Object> link : links) {
            assertTrue(((String) link.get("url")).endsWith("/s/" + linkByAddress.get(link.get("email"))), link.toString());
        }

        Api nobody = api.anonymous();
        List<String> answering = addresses.subList(0, 3);
        Set<Long> responseIds = new HashSet<>();
        for (String address : answering) {
            String token = linkByAddress.get(address);
            assertEquals("new", nobody.get("/api/s/" + token).get("status"));
            Map<String, Object> response = nobody.post("/api/s/" + token + "/response", Map.of("respondentRole", "medarbetare"));
            nobody.put("/api/s/" + token + "/answers/SL-A1", Map.of("value", 3));
            assertEquals("draft", nobody.get("/api/s/" + token).get("status"));
            assertEquals("submitted", nobody.post("/api/s/" + token + "/submit", Map.of()).get("status"));
            assertEquals(response.get("id"), nobody.post("/api/s/" + token + "/submit", Map.of()).get("id"), "a second submit changes nothing");
            assertEquals(200, nobody.exchangePost("/api/s/" + token + "/response", Map.of("respondentRole", "ledning")).code(),
                    "one response per link, ever");
            nobody.problem(409, () -> nobody.put("/api/s/" + token + "/answers/SL-A1", Map.of("value", 1)));
            assertEquals("submitted", nobody.get("/api/s/" + token).get("status"));
            responseIds.add(Api.id(response));
        }
        assertEquals(3, responseIds.size());

        Map<String, Object> reminder = lead.post("/api/rounds/" + roundId + "/mailings", Map.of("kind", "REMINDER"));
        assertEquals(27, reminder.get("total"));
        awaitDone(lead, roundId, reminder);
        Map<String, String> reminded = mailedLinks(57);
        Set<String> remindedAddresses = new HashSet<>();
        MimeMessage[] all = smtp.getReceivedMessages();
        assertEquals(57, all.length);
        for (MimeMessage message : all) {
            if (message.getSubject().startsWith("Påminnelse")) {
                assertTrue(remindedAddresses.add(message.getRecipients(Message.RecipientType.TO)[0].toString()), "reminded twice");
            }
        }
        assertEquals(27, remindedAddresses.size());
        answering.forEach(address -> assertTrue(!remindedAddresses.contains(address), address + " had answered"));
        assertEquals(linkByAddress.get(addresses.get(29)), reminded.get(addresses.get(29)), "the reminder carries the same link");

        Map<String, Object> retried = lead.post("/api/rounds/" + roundId + "/mailings", Map.of("kind", "INVITATION"));
        assertEquals(0, retried.get("total"), "everyone has their invitation already");
        Thread.sleep(500);
        assertEquals(57, smtp.getReceivedMessages().length, "a retried send mails nobody twice");

        String openUrl = (String) lead.post("/api/rounds/" + roundId + "/open-link", Map.of()).get("url");
        assertEquals(openUrl, lead.post("/api/rounds/" + roundId + "/open-link", Map.of()).get("url"), "the round's one open link");
        String open = openUrl.substring(openUrl.lastIndexOf('/') + 1);
        assertEquals("open", nobody.get("/api/s/" + open).get("status"));
        HttpResponse<String> joined = nobody.exchangePost("/api/s/" + open + "/join", Map.of());
        assertEquals(201, joined.code());
        String deviceToken = (String) nobody.json(joined).get("token");
        Cookie cookie = joined.getCookie(SurveyController.COOKIE_PREFIX + roundId).orElseThrow();
        HttpResponse<String> rejoined = nobody.exchange(HttpRequest.POST("/api/s/" + open + "/join", Map.of()).cookie(cookie), String.class);
        assertEquals(200, rejoined.code());
        assertEquals(deviceToken, nobody.json(rejoined).get("token"), "the same device resumes its own token");
        assertNotEquals(deviceToken, nobody.json(nobody.exchangePost("/api/s/" + open + "/join", Map.of())).get("token"),
                "another device gets a token of its own");
        nobody.post("/api/s/" + deviceToken + "/response", Map.of("respondentRole", "ledning"));
        nobody.put("/api/s/" + deviceToken + "/answers/SL-A1", Map.of("value", 2));
        nobody.post("/api/s/" + deviceToken + "/submit", Map.of());
        nobody.problem(400, () -> nobody.post("/api/s/" + open + "/response", Map.of("respondentRole", "ledning")));

        Map<String, Object> participation = lead.get("/api/rounds/" + roundId + "/participation");
        assertEquals(List.of(30, 3, 4, 4, 1), List.of(participation.get("invited"), participation.get("invitedSubmitted"),
                participation.get("started"), participation.get("submitted"), participation.get("openLinkSubmitted")));
        assertEquals(null, participation.get("byRole"), "3 medarbetare and 1 ledning: below the threshold, no breakdown");

        nobody.problem(404, () -> nobody.get("/api/s/" + "x".repeat(43)));
        lead.post("/api/rounds/" + roundId + "/close", Map.of());
        assertEquals("closed", nobody.get("/api/s/" + linkByAddress.get(addresses.get(10))).get("roundStatus"));
        nobody.problem(409, () -> nobody.post("/api/s/" + linkByAddress.get(addresses.get(10)) + "/response",
                Map.of("respondentRole", "ledning")));
        assertEquals(List.of(), lead.getList("/api/rounds/" + roundId + "/links"), "addresses are erased when the round closes");
        assertEquals(30, lead.get("/api/rounds/" + roundId + "/participation").get("invited"), "the counts stay");
    }

    private static void awaitDone(Api lead, long roundId, Map<String, Object> started) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> progress = started;
        while (!Boolean.TRUE.equals(progress.get("done"))) {
            assertTrue(Instant.now().isBefore(deadline), "the send did not finish: " + progress);
            Thread.sleep(100);
            progress = lead.get("/api/rounds/" + roundId + "/mailings/" + started.get("id"));
        }
        assertEquals(0, progress.get("failed"), progress.toString());
        assertEquals(progress.get("total"), progress.get("sent"));
    }

    /** The link in each mail received so far, by recipient (the latest mail's link where one got several). */
    private static Map<String, String> mailedLinks(int expected) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(30_000, expected), "expected " + expected + " mails, got " + smtp.getReceivedMessages().length);
        Map<String, String> byAddress = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
            assertTrue(link.find(), GreenMailUtil.getBody(message));
            byAddress.put(message.getRecipients(Message.RecipientType.TO)[0].toString(), link.group(1));
        }
        return byAddress;
    }
}
