package se.lagesbild.workshop;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import se.lagesbild.support.ApiTest;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conference room behind one address (every request of this test comes from 127.0.0.1) with the default
 * wrong-code limit: typos never keep the room out of its workshop, while guessing codes is stopped.
 */
@MicronautTest(transactional = false)
class WorkshopRoomJoinApiTest extends ApiTest {

    @Override
    protected String isolatedSchema() {
        return "workshop_room_join";
    }

    @Test
    void aRoomOfTwoHundredWithTyposAllJoinWhileAGuesserFromTheSameAddressIsStopped() {
        WorkshopCalls calls = new WorkshopCalls(api);
        String code = (String) calls.openStaircase("Förvaltningsdagen").get("code");
        Random random = new Random(15);

        int joined = 0;
        int typos = 0;
        for (int person = 0; person < 200; person++) {
            if (person % 10 == 5) {
                String typo = typo(code, random);
                assertEquals(404, WorkshopCalls.statusOf(() -> calls.joinExchange(typo, null)), "a typo " + typo + " finds nothing");
                typos++;
            }
            String typed = person % 3 == 0 ? code.toLowerCase() : person % 3 == 1 ? code.substring(0, 3) + "%20" + code.substring(3) : code;
            HttpResponse<String> join = calls.joinExchange(typed, "Bord " + (person % 25));
            assertEquals(200, join.code(), "person " + person + " typed " + typed);
            joined++;
        }
        assertEquals(200, joined);
        assertEquals(20, typos);

        int refusedAt = 0;
        for (int guess = 1; guess <= 1000; guess++) {
            String randomCode = randomCode(random);
            if (randomCode.equals(code)) {
                continue;
            }
            int status = WorkshopCalls.statusOf(() -> calls.joinExchange(randomCode, null));
            if (status == 429) {
                refusedAt = guess;
                break;
            }
            assertEquals(404, status);
        }
        assertTrue(refusedAt > 0 && refusedAt <= 100, "the guesser is refused long before the end: at guess " + refusedAt);
        assertEquals(200, calls.joinExchange(code, "Bord 1").code(),
                "the right code is not refused because of the wrong ones: the room joined its workshop from here");
    }

    private static String typo(String code, Random random) {
        char[] chars = code.toCharArray();
        int at = random.nextInt(chars.length);
        char replacement;
        do {
            replacement = JoinCode.ALPHABET.charAt(random.nextInt(JoinCode.ALPHABET.length()));
        } while (replacement == chars[at]);
        chars[at] = replacement;
        return new String(chars);
    }

    private static String randomCode(Random random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < JoinCode.LENGTH; i++) {
            code.append(JoinCode.ALPHABET.charAt(random.nextInt(JoinCode.ALPHABET.length())));
        }
        return code.toString();
    }
}
