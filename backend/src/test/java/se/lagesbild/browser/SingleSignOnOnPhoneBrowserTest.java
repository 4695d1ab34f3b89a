package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The same sign-in through the organisation's provider on a 360 px phone. */
@MicronautTest(transactional = false)
class SingleSignOnOnPhoneBrowserTest extends SingleSignOnBrowserTest {

    @Override
    int[] windowSize() {
        return new int[] {360, 780};
    }

    @Override
    String size() {
        return "360";
    }
}
