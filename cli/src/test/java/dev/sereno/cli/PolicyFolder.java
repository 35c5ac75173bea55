package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the small valid policy in the test resources ({@code tiny-policy/}: two rules, a phrase list, messages,
 * parameters and two scenarios), for a test to break in one place.
 */
final class PolicyFolder {
    final Path dir;

    private PolicyFolder(Path dir) {
        this.dir = dir;
    }

    static PolicyFolder tinyPolicyIn(Path tmp) {
        try {
            Path source = Path.of(PolicyFolder.class.getResource("tiny-policy").toURI());
            Files.createDirectories(tmp);
            Path target = tmp.resolve("policy");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.toList()) {
                    Files.copy(p, target.resolve(source.relativize(p).toString()));
                }
            }
            return new PolicyFolder(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in {@code file}. */
    PolicyFolder replace(String file, String from, String to) {
        String text = read(file);
        assertThat(text).as(file).containsOnlyOnce(from);
        return write(file, text.replace(from, to));
    }

    PolicyFolder write(String file, String text) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PolicyFolder writeBytes(String file, byte[] bytes) {
        try {
            Files.write(dir.resolve(file), bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
