package dev.sereno.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Policies for benchmarks that measure their own rules: one DRL file beside the bundled policy's other files. */
final class PolicyFiles {
    private static final String POLICY = "/dev/sereno/rules/";

    private PolicyFiles() {
    }

    /** One DRL file with the default policy's parameters, phrase and word lists, commitment lists and messages. */
    static Map<String, String> defaultPolicyFilesWith(String drlName, String drl) {
        Map<String, String> files = new TreeMap<>();
        files.put(drlName, drl);
        for (String path : List.of("policy.properties", "phrases/es.phrases", "phrases/en.phrases", "phrases/es.words",
                "phrases/en.words", "commitments/es.commitments", "commitments/en.commitments",
                "messages/es.properties", "messages/en.properties")) {
            files.put(path, resource(POLICY + path));
        }
        return files;
    }

    static String resource(String path) {
        try (InputStream in = PolicyFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
