package dev.junction.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.junction.element.Args;
import dev.junction.element.StandaloneContext;
import dev.junction.packet.PacketPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {
    @Test
    void aMessageIsPrintedUnderClicksContextLineAndConfigurationGoesOn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PacketPool pool = PacketPool.create("message", 8)) {
            Message message = StandaloneContext.attach(
                    new Message(new PrintStream(bytes, true, StandardCharsets.UTF_8)), "m", pool, 0, 0);
            message.configure(Args.parse("\"test\nsecond line\""));
            message.configure(Args.parse("hello, MESSAGE"));
        }
        assertEquals("""
                <standalone>: While configuring 'm :: Message':
                  test
                  second line
                <standalone>: While configuring 'm :: Message':
                  hello
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWarningIsTheElementsWarning() throws Exception {
        try (PacketPool pool = PacketPool.create("message", 8)) {
            Message message = StandaloneContext.attach(new Message(), "m", pool, 0, 0);
            message.configure(Args.parse("\"obsolete, use B\", WARNING"));
            assertEquals(List.of("obsolete, use B"), ((StandaloneContext) message.context()).warnings());
        }
    }

    @Test
    void anErrorFailsTheConfigurationWithTheMessage() throws Exception {
        assertEquals(List.of("test"), errors("test, ERROR"));
        assertEquals(List.of("unrecognized message type"), errors("test, FATAL"));
        assertEquals(List.of("MESSAGE: required argument missing"), errors(""));
        assertEquals(List.of("too many arguments"), errors("a, ERROR, b"));
    }

    private static List<String> errors(String config) {
        return TestRouter.configErrors(new Message(), 0, 0, config);
    }
}
