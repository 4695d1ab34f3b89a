import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a JDK Flight Recorder recording of the app spent its CPU: the execution samples (jdk.ExecutionSample)
 * counted by their top frame (self) and by every method on their stack (total, each method once a sample),
 * skipping the first seconds (start-up). Plain JDK; see bench/README.md.
 *
 *   java bench/JfrTopFrames.java target/app.jfr [--skip-seconds 20] [--until-seconds N] [--top 25] [--match se.lagesbild]
 *
 * --until-seconds N ends the window N seconds after the recording's first event (one phase of a benchmark).
 */
public class JfrTopFrames {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/JfrTopFrames.java RECORDING.jfr [--skip-seconds N] [--until-seconds N] [--top N] [--match PREFIX]");
            System.exit(2);
        }
        long skipSeconds = 20;
        long untilSeconds = Long.MAX_VALUE;
        int top = 25;
        String match = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--skip-seconds" -> skipSeconds = Long.parseLong(args[i + 1]);
                case "--until-seconds" -> untilSeconds = Long.parseLong(args[i + 1]);
                case "--top" -> top = Integer.parseInt(args[i + 1]);
                case "--match" -> match = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        Instant first = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElseThrow();
        Instant from = first.plusSeconds(skipSeconds);
        Instant until = untilSeconds == Long.MAX_VALUE ? Instant.MAX : first.plusSeconds(untilSeconds);
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                    || !event.getStartTime().isBefore(until)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String name = name(frame);
                if ((match == null || name.startsWith(match)) && seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d execution samples after the first %d s%n%nSelf (top frame):%n", samples, skipSeconds);
        print(self, samples, top);
        System.out.printf(Locale.ROOT, "%nTotal (on the stack%s):%n", match == null ? "" : ", methods starting " + match);
        print(total, samples, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.printf(Locale.ROOT, "  %5.1f %%  %5d  %s%n",
                        100.0 * entry.getValue() / samples, entry.getValue(), entry.getKey()));
    }
}
