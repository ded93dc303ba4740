package dev.junction.engine.control;

import dev.junction.element.HandlerException;
import dev.junction.router.HandlerDescription;
import dev.junction.router.RouterControl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One ControlSocket connection on the server side: sends the banner, then reads commands and answers each
 * one until the client quits or goes away. Replies, their codes and their wording follow Click's
 * {@code elements/userlevel/controlsocket.cc}. Nothing a client sends makes it throw anything but the
 * {@link IOException} of a broken connection.
 */
final class ControlSocketSession {
    private static final String[] HELP = {
        "Commands supported:",
        "READ handler [arg...]   call read handler, return DATA",
        "READDATA handler len    call read handler with len data bytes, return DATA",
        "READUNTIL handler term  call read handler, take data until term, return DATA",
        "WRITE handler [arg...]  call write handler",
        "WRITEDATA handler len   call write handler, pass len data bytes",
        "WRITEUNTIL handler term call write handler, take data until term",
        "CHECKREAD handler       check if read handler is valid",
        "CHECKWRITE handler      check if write handler is valid",
        "LLRPC elt#number [len]  call LLRPC, pass len data bytes, return DATA",
        "QUIT                    close connection",
    };

    /** A word of a command line and where it starts and ends, so that arguments keep their inner spacing. */
    private record Word(String text, int start, int end) {
    }

    /** A handler found: the name RouterControl knows it by, and what it allows. */
    private record Target(String routerName, HandlerDescription handler) {
    }

    private final RouterControl router;
    private final ControlSocketSettings settings;
    private final ControlInput input;
    private final OutputStream output;

    /** A session reading commands from {@code input} and answering on {@code output}, once per command. */
    ControlSocketSession(RouterControl router, ControlSocketSettings settings, InputStream input,
            OutputStream output) {
        this.router = router;
        this.settings = settings;
        this.input = new ControlInput(input);
        this.output = new BufferedOutputStream(output);
    }

    /** Serves the connection until the client quits or its input ends. */
    void run() throws IOException {
        send(ControlText.BANNER_PREFIX + ControlText.PROTOCOL_VERSION + ControlText.LINE_END);
        output.flush();
        boolean open = true;
        while (open) {
            ControlInput.Line line = input.readLine(settings.maxLineLength());
            if (line == null) {
                return;
            }
            if (line.tooLong()) {
                reply(ReplyCode.SYNTAX_ERROR, "Line too long (more than " + settings.maxLineLength() + " bytes)");
            } else {
                open = execute(line.text());
            }
            output.flush();
        }
    }

    /** Carries out one command line; returns whether the connection stays open. */
    private boolean execute(String line) throws IOException {
        List<Word> words = words(line);
        if (words.isEmpty()) {
            return true; // Click ignores blank lines, which is also what a stray LF of a split CRLF becomes
        }
        String command = ControlText.upperAscii(words.get(0).text());
        try {
            switch (command) {
                case "READ", "GET", "WRITE", "SET" -> inlineCommand(command, line, words);
                case "READDATA", "WRITEDATA", "SETDATA" -> dataCommand(command, words);
                case "READUNTIL", "WRITEUNTIL" -> untilCommand(command, line, words);
                case "CHECKREAD", "CHECKWRITE" -> checkCommand(command, words);
                case "LLRPC" -> llrpcCommand(words);
                case "QUIT", "CLOSE" -> {
                    if (words.size() != 1) {
                        reply(ReplyCode.SYNTAX_ERROR, "Bad command syntax");
                    }
                    reply(ReplyCode.OK, "Goodbye!");
                    return false;
                }
                case "HELP" -> replyLines(ReplyCode.OK, List.of(HELP));
                default -> reply(ReplyCode.UNIMPLEMENTED, "Command '" + command + "' unimplemented");
            }
        } catch (RuntimeException failure) {
            // A router that fails in an unforeseen way costs this command, never the connection or the server.
            reply(ReplyCode.UNSPECIFIED, "Internal error: " + failure);
        }
        return true;
    }

    /** READ/GET and WRITE/SET: the arguments are the rest of the line. */
    private void inlineCommand(String command, String line, List<Word> words) throws IOException {
        if (words.size() < 2) {
            reply(ReplyCode.SYNTAX_ERROR, "Wrong number of arguments");
            return;
        }
        ControlInput.Payload arguments = new ControlInput.Payload(rest(line, words, 2), false);
        handlerCall(isWrite(command), words.get(1).text(), arguments);
    }

    /** READDATA and WRITEDATA/SETDATA: the data is the next {@code n} bytes after the line. */
    private void dataCommand(String command, List<Word> words) throws IOException {
        if (words.size() != 3) {
            reply(ReplyCode.SYNTAX_ERROR, "Wrong number of arguments");
            return;
        }
        int length = parseLength(words.get(2).text());
        if (length < 0) {
            reply(ReplyCode.SYNTAX_ERROR, "Syntax error in '" + command + "'");
            return;
        }
        ControlInput.Payload data = input.readData(length, settings.maxDataLength());
        if (data == null) {
            reply(ReplyCode.SYNTAX_ERROR, "Not enough data");
            return;
        }
        handlerCall(isWrite(command), words.get(1).text(), data);
    }

    /** READUNTIL and WRITEUNTIL: the data is the lines up to the terminator (a blank line if none is given). */
    private void untilCommand(String command, String line, List<Word> words) throws IOException {
        if (words.size() < 2) {
            reply(ReplyCode.SYNTAX_ERROR, "Wrong number of arguments");
            return;
        }
        ControlInput.Payload data = input.readUntil(rest(line, words, 2), settings.maxDataLength());
        if (data == null) {
            reply(ReplyCode.SYNTAX_ERROR, "Not enough data");
            return;
        }
        handlerCall(isWrite(command), words.get(1).text(), data);
    }

    /** Whether a READ/WRITE family command writes (WRITE, WRITEDATA, WRITEUNTIL and the SET aliases). */
    private static boolean isWrite(String command) {
        return command.startsWith("WRITE") || command.startsWith("SET");
    }

    private void handlerCall(boolean write, String handlerName, ControlInput.Payload data) throws IOException {
        if (write) {
            writeHandler(handlerName, data);
        } else {
            readHandler(handlerName, data);
        }
    }

    private void readHandler(String handlerName, ControlInput.Payload parameters) throws IOException {
        Target target = resolve(handlerName);
        if (target == null) {
            return;
        }
        if (!target.handler().readable()) {
            reply(ReplyCode.PERMISSION_DENIED, "Handler '" + handlerName + "' write-only");
            return;
        }
        if (parameters.tooBig()) {
            reply(ReplyCode.DATA_TOO_BIG, "Data too large for read handler '" + handlerName + "'");
            return;
        }
        String summary = "Read handler '" + handlerName + "' error";
        String value;
        try {
            // A handler that takes no parameters refuses them, as in Click.
            value = router.read(target.routerName(), parameters.text());
        } catch (HandlerException refusal) {
            // Click's code for a read handler's error is 590 (CSERR_UNSPECIFIED), not 520.
            replyWithDetails(ReplyCode.UNSPECIFIED, summary, refusal.getMessage());
            return;
        }
        reply(ReplyCode.OK, "Read handler '" + handlerName + "' OK");
        byte[] bytes = ControlText.encode(value);
        send("DATA " + bytes.length + ControlText.LINE_END);
        output.write(bytes);
    }

    private void writeHandler(String handlerName, ControlInput.Payload value) throws IOException {
        Target target = resolve(handlerName);
        if (target == null) {
            return;
        }
        if (!target.handler().writable()) {
            reply(ReplyCode.PERMISSION_DENIED, "Handler '" + handlerName + "' read-only");
            return;
        }
        if (settings.readOnly()) {
            reply(ReplyCode.PERMISSION_DENIED, "Permission denied for '" + handlerName + "'");
            return;
        }
        if (value.tooBig()) {
            reply(ReplyCode.DATA_TOO_BIG, "Data too large for write handler '" + handlerName + "'");
            return;
        }
        try {
            router.write(target.routerName(), value.text());
        } catch (HandlerException refusal) {
            replyWithDetails(ReplyCode.HANDLER_ERROR, "Write handler '" + handlerName + "' error",
                    refusal.getMessage());
            return;
        }
        reply(ReplyCode.OK, "Write handler '" + handlerName + "' OK");
    }

    private void checkCommand(String command, List<Word> words) throws IOException {
        if (words.size() != 2) {
            reply(ReplyCode.SYNTAX_ERROR, "Wrong number of arguments");
            return;
        }
        boolean write = command.equals("CHECKWRITE");
        String handlerName = words.get(1).text();
        Target target = resolve(handlerName);
        if (target == null) {
            return;
        }
        boolean allowed = write ? target.handler().writable() : target.handler().readable();
        if (write && allowed && settings.readOnly()) {
            reply(ReplyCode.PERMISSION_DENIED, "Permission denied for '" + handlerName + "'");
        } else if (allowed) {
            reply(ReplyCode.OK, (write ? "Write" : "Read") + " handler '" + handlerName + "' OK");
        } else {
            reply(ReplyCode.NO_SUCH_HANDLER,
                    "Handler '" + handlerName + (write ? "' not writable" : "' not readable"));
        }
    }

    /**
     * LLRPC {@code element#hexnumber [len]}: checked as Click checks it (syntax, then the element), then refused,
     * because Junction elements have no LLRPCs. The data, if any, is consumed to stay in step.
     */
    private void llrpcCommand(List<Word> words) throws IOException {
        if (words.size() != 2 && words.size() != 3) {
            reply(ReplyCode.SYNTAX_ERROR, "Wrong number of arguments");
            return;
        }
        int length = words.size() == 3 ? parseLength(words.get(2).text()) : 0;
        if (length < 0) {
            reply(ReplyCode.SYNTAX_ERROR, "Syntax error in 'llrpc'");
            return;
        }
        if (input.readData(length, settings.maxDataLength()) == null) {
            reply(ReplyCode.SYNTAX_ERROR, "Not enough data");
            return;
        }
        String llrpcName = words.get(1).text();
        int hash = llrpcName.indexOf('#');
        if (hash < 0 || !llrpcName.substring(hash + 1).matches("[0-9A-Fa-f]{1,8}")) {
            reply(ReplyCode.SYNTAX_ERROR, "Syntax error in LLRPC name '" + llrpcName + "'");
            return;
        }
        String element = llrpcName.substring(0, hash);
        if (findElement(element) == null) {
            reply(ReplyCode.NO_SUCH_ELEMENT, "No element named '" + element + "'");
        } else {
            reply(ReplyCode.UNIMPLEMENTED, "Cannot call LLRPC '" + llrpcName + "' remotely");
        }
    }

    /**
     * Finds handler {@code fullName} as Click's {@code parse_handler} does: {@code element.handler}, where the
     * element may also be given by its 1-based index, or a global handler ({@code handler}, {@code .handler}
     * or {@code 0.handler}). Replies with the error and returns {@code null} if there is no such handler.
     */
    private Target resolve(String fullName) throws IOException {
        String name = withoutGlobalPrefix(fullName);
        int dot = name.indexOf('.');
        String element = "";
        String handler = name;
        if (dot >= 0) {
            String requested = name.substring(0, dot);
            element = findElement(requested);
            if (element == null) {
                reply(ReplyCode.NO_SUCH_ELEMENT, "No element named '" + requested + "'");
                return null;
            }
            handler = name.substring(dot + 1);
        }
        List<HandlerDescription> handlers;
        try {
            handlers = router.handlers(element);
        } catch (HandlerException vanished) { // the element went away in a swap since we looked it up
            reply(ReplyCode.NO_SUCH_ELEMENT, "No element named '" + element + "'");
            return null;
        }
        for (HandlerDescription description : handlers) {
            if (description.name().equals(handler)) {
                return new Target(element.isEmpty() ? handler : element + "." + handler, description);
            }
        }
        reply(ReplyCode.NO_SUCH_HANDLER, "No handler named '" + fullName + "'");
        return null;
    }

    /** {@code .h} and {@code 0.h} name global handler {@code h}, as Click's {@code canonical_handler_name}. */
    private static String withoutGlobalPrefix(String name) {
        if (name.startsWith(".")) {
            return name.substring(1);
        }
        return name.startsWith("0.") ? name.substring(2) : name;
    }

    /** The element called {@code requested}, or numbered so (from 1), or {@code null}. */
    private String findElement(String requested) {
        List<String> names = router.elementNames();
        if (names.contains(requested)) {
            return requested;
        }
        int index = parseLength(requested);
        return index >= 1 && index <= names.size() ? names.get(index - 1) : null;
    }

    /** A decimal number from 0 to {@link Integer#MAX_VALUE}, or -1 if {@code text} is not one. */
    private static int parseLength(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long value = Long.parseLong(text);
        return value <= Integer.MAX_VALUE ? (int) value : -1;
    }

    /** The words of {@code line}, split on white space. */
    private static List<Word> words(String line) {
        List<Word> words = new ArrayList<>();
        int position = 0;
        while (position < line.length()) {
            while (position < line.length() && ControlText.isSpace(line.charAt(position))) {
                position++;
            }
            int start = position;
            while (position < line.length() && !ControlText.isSpace(line.charAt(position))) {
                position++;
            }
            if (start < position) {
                words.add(new Word(line.substring(start, position), start, position));
            }
        }
        return words;
    }

    /** The text from word {@code first} to the end of the last word, or empty if there is no such word. */
    private static String rest(String line, List<Word> words, int first) {
        return words.size() > first ? line.substring(words.get(first).start(), words.getLast().end()) : "";
    }

    private void reply(ReplyCode code, String text) throws IOException {
        replyLines(code, List.of(text));
    }

    /**
     * {@code summary} and, if {@code details} says anything, a colon and one more reply line per line of
     * {@code details}, as Click's {@code transfer_messages} sends a handler's error messages.
     */
    private void replyWithDetails(ReplyCode code, String summary, String details) throws IOException {
        List<String> lines = new ArrayList<>();
        if (details != null) {
            details.lines().filter(detail -> !detail.isBlank()).forEach(lines::add);
        }
        lines.addFirst(lines.isEmpty() ? summary : summary + ":");
        replyLines(code, lines);
    }

    /** One reply of several lines: all but the last have a hyphen after the code. */
    private void replyLines(ReplyCode code, List<String> lines) throws IOException {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            reply.append(code.number()).append(i < lines.size() - 1 ? '-' : ' ')
                    .append(ControlText.printable(lines.get(i))).append(ControlText.LINE_END);
        }
        send(reply.toString());
    }

    private void send(String text) throws IOException {
        output.write(ControlText.encode(text));
    }
}
