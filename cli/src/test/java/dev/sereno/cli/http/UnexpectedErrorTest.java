package dev.sereno.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An {@link Error} escaping a route other than POST /advice is still answered in the contract's JSON. */
class UnexpectedErrorTest {
    /** What a servlet response was told: status, headers, body. */
    static final class Recorded {
        int status;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            headers.put("Content-Type", (String) args[0]);
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void outOfMemoryIs503WithRetryAfterAndAnyOtherError500InJson() {
        Recorded memory = new Recorded();
        AdviceServer.unexpectedError(memory.response(), new OutOfMemoryError("Java heap space"));
        assertThat(memory.status).isEqualTo(503);
        assertThat(memory.headers).containsEntry("Retry-After", "1").containsEntry("Content-Type", Responses.JSON);
        assertThat(memory.body.toString(StandardCharsets.UTF_8)).startsWith("{\"errors\":[\"the service ran out of memory");

        Recorded other = new Recorded();
        AdviceServer.unexpectedError(other.response(), new AssertionError("SecretWords"));
        assertThat(other.status).isEqualTo(500);
        assertThat(other.headers).doesNotContainKey("Retry-After");
        assertThat(other.body.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"errors\":[\"the request could not be answered (AssertionError); see the server log\"]}");
    }
}
