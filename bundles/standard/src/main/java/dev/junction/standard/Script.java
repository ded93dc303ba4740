package dev.junction.standard;

import dev.junction.element.ArgTypes;
import dev.junction.element.Args;
import dev.junction.element.ConfigurationException;
import dev.junction.element.Element;
import dev.junction.element.ElementClass;
import dev.junction.element.ElementDoc;
import dev.junction.element.HandlerException;
import dev.junction.element.HandlerRegistry;
import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import dev.junction.sched.Task;
import dev.junction.sched.Timer;
import dev.junction.standard.script.ScriptFunctions;
import dev.junction.standard.script.Words;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Script: runs a script of handler calls, waits and jumps (Click's Script). */
@Component(service = Element.class, scope = ServiceScope.PROTOTYPE)
@ElementClass("Script")
@ElementDoc(
        synopsis = "Script(INSTRUCTIONS...)",
        category = "control",
        summary = "scripts handler calls and waits",
        description = """
                Runs a script: one instruction per argument. The script reads and writes handlers, prints, sets \
                variables, waits for time to pass or for its step handler, and jumps.

                Instructions: set VAR EXPR and setq (unquoted); init VAR EXPR and initq (set once, at \
                initialization); export VAR [EXPR] and exportq (like init, and VAR becomes a read handler); \
                print [>FILE | >>FILE] TEXT|HANDLER, printn (no newline), printq and printnq (unquoted); read \
                HANDLER [ARGS] and readq (prints the handler's name and value on standard error); write \
                HANDLER [ARGS] and writeq (sets $? to the result); label LABEL; goto LABEL [COND] (jumps if COND \
                is true or absent); loop (goto begin); pause, wait_step [N], wait_stop [N] and wait (wait for N \
                steps); wait TIME, wait_for TIME and wait_time TIME; return [VALUE] and returnq; end and exit; \
                stop (asks the router to stop); error [MSG] and errorq; save FILE VAR and append FILE VAR.

                Text is expanded before use: $VAR and ${VAR} are variables, $? the status of the last write, \
                $args and $1...$9 the arguments of a run, $# their number, $0 the handler name, and $(HANDLER \
                ARGS) the value of a read handler (element.handler, relative to the script's compound) or of \
                one of the script's functions: add, sub, min, max, mul, div, idiv, mod, rem, neg, abs, eq, ne, \
                lt, gt, le, ge, not, and, or, nand, nor, if, in, first, sprintf, random, now, length, unquote, \
                htons, htonl, ntohs, ntohl, cat, catq, get VAR and shift VAR (removes and returns VAR's first \
                word). $(other.run ARGS) and other functions of another Script are called directly.

                TYPE ACTIVE (the default without ports) runs at initialization until it waits; PASSIVE runs only \
                when its step, goto or run handler is written; PACKET (the default with ports) runs once per \
                packet and sends the packet to the output its return value names (end returns 0; another value \
                drops it); PROXY is PASSIVE; DRIVER is DriverManager's type: the router's stop requests step the \
                script, and the router stops when the script ends.

                Functions are evaluated inside the script only: Junction's handlers take no parameters, so \
                $(add 1 2) works in a Script but reading the script's 'add' handler from outside does not.""",
        arguments = {
            @ElementDoc.Argument(name = "INSTRUCTIONS", description = "Instructions, one per argument."),
            @ElementDoc.Argument(name = "TYPE", description = """
                    Keyword: ACTIVE, PASSIVE, PACKET (or PUSH), PROXY or DRIVER. Default ACTIVE, or PACKET if the \
                    element has ports.""")
        },
        handlers = {
            @ElementDoc.Handler(name = "step", mode = "write-only", description = """
                    Advances the script by N steps (default 1) past its waits."""),
            @ElementDoc.Handler(name = "goto", mode = "write-only", description = """
                    Jumps to the label written and runs from there."""),
            @ElementDoc.Handler(name = "run", mode = "read/write", description = """
                    Runs the script from the start with the written arguments; reading runs it with none and \
                    returns its return value."""),
            @ElementDoc.Handler(name = "set", mode = "write-only", description = "Sets VAR to VALUE: 'VAR VALUE'.")
        },
        example = "Script(wait 1s, print $(c.count), loop)",
        seeAlso = {"DriverManager"})
public class Script extends Element {
    // Instructions; the negative ones are also labels (goto end, goto stop).
    private static final int INITIAL = 0;
    private static final int WAIT_STEP = 1;
    private static final int WAIT_TIME = 2;
    private static final int PRINT = 3;
    private static final int PRINTQ = 4;
    private static final int PRINTN = 5;
    private static final int PRINTNQ = 6;
    private static final int READ = 7;
    private static final int READQ = 8;
    private static final int WRITE = 9;
    private static final int WRITEQ = 10;
    private static final int SET = 11;
    private static final int SETQ = 12;
    private static final int INIT = 13;
    private static final int INITQ = 14;
    private static final int EXPORT = 15;
    private static final int EXPORTQ = 16;
    private static final int RETURN = 17;
    private static final int RETURNQ = 18;
    private static final int LABEL = 19;
    private static final int GOTO = 20;
    private static final int WAIT_PSEUDO = 21;
    private static final int LOOP_PSEUDO = 22;
    private static final int SAVE = 23;
    private static final int APPEND = 24;
    private static final int END = -1;
    private static final int EXIT = -2;
    private static final int STOP = -3;
    private static final int ERROR = -4;
    private static final int ERRORQ = -5;

    private static final Map<String, Integer> INSTRUCTIONS = Map.ofEntries(
            Map.entry("append", APPEND), Map.entry("end", END), Map.entry("error", ERROR),
            Map.entry("errorq", ERRORQ), Map.entry("exit", EXIT), Map.entry("export", EXPORT),
            Map.entry("exportq", EXPORTQ), Map.entry("goto", GOTO), Map.entry("init", INIT),
            Map.entry("initq", INITQ), Map.entry("label", LABEL), Map.entry("loop", LOOP_PSEUDO),
            Map.entry("pause", WAIT_STEP), Map.entry("print", PRINT), Map.entry("printn", PRINTN),
            Map.entry("printnq", PRINTNQ), Map.entry("printq", PRINTQ), Map.entry("read", READ),
            Map.entry("readq", READQ), Map.entry("return", RETURN), Map.entry("returnq", RETURNQ),
            Map.entry("save", SAVE), Map.entry("set", SET), Map.entry("setq", SETQ), Map.entry("stop", STOP),
            Map.entry("wait", WAIT_PSEUDO), Map.entry("wait_for", WAIT_TIME), Map.entry("wait_step", WAIT_STEP),
            Map.entry("wait_stop", WAIT_STEP), Map.entry("wait_time", WAIT_TIME), Map.entry("write", WRITE),
            Map.entry("writeq", WRITEQ));

    private static final int MAX_JUMPS = 1000;

    enum Type { ACTIVE, PASSIVE, PACKET, PROXY, DRIVER }

    enum StepType { NORMAL, ROUTER, TIMER, JUMP }

    private final PrintStream out;
    private final PrintStream err;
    private final Type defaultType;
    private Type type;

    // The program: per instruction its code, two integers and a text (Click's _insns, _args, _args2, _args3).
    private final List<Integer> insns = new ArrayList<>();
    private final List<Integer> arg1 = new ArrayList<>();
    private final List<Integer> arg2 = new ArrayList<>();
    private final List<String> arg3 = new ArrayList<>();
    private final List<String> varNames = new ArrayList<>();
    private final List<String> varValues = new ArrayList<>();

    private int position;
    private int stepCount;
    private int writeStatus;
    private String runArgs = "";
    private String runHandlerName = "";
    private boolean runIsWrite;
    private final List<String> errors = new ArrayList<>();

    private Timer timer;
    private Task driverTask;
    /** Stop requests the driver has not consumed yet (Click's runcount below 1). */
    private final AtomicInteger pendingStops = new AtomicInteger();
    private PacketBatch run;

    public Script() {
        this(null, null, null);
    }

    /** A script that prints on {@code out} and reports on {@code err} (for tests), of default type {@code type}. */
    Script(PrintStream out, PrintStream err, Type defaultType) {
        this.out = out;
        this.err = err;
        this.defaultType = defaultType;
    }

    @Override
    public String portCount() {
        return "-/-";
    }

    @Override
    public String processing() {
        return "ah/ah";
    }

    /** The script's type, once configured. */
    Type type() {
        return type;
    }

    // ---------------------------------------------------------------- configure

    @Override
    public void configure(Args args) throws ConfigurationException {
        String typeText = args.read("TYPE", ArgTypes.ANY, null);
        List<String> instructions = args.remainingPositional();
        args.complete();
        List<String> problems = new ArrayList<>();
        type = defaultType;
        if (typeText != null) {
            String[] word = Words.shift(typeText);
            type = word[1].isEmpty() ? switch (word[0]) {
                case "ACTIVE" -> Type.ACTIVE;
                case "PASSIVE" -> Type.PASSIVE;
                case "PACKET", "PUSH" -> Type.PACKET;
                case "PROXY" -> Type.PROXY;
                case "DRIVER" -> Type.DRIVER;
                default -> null;
            } : null;
            if (type == null) {
                throw new ConfigurationException("bad TYPE");
            }
        } else if (type == null) {
            type = inputCount() > 0 || outputCount() > 0 ? Type.PACKET : Type.ACTIVE;
        }
        if (type == Type.DRIVER && context() != null && !context().takeStopRequests(this::stopRequested)) {
            throw new ConfigurationException("router has more than one driver script");
        }
        if (type == Type.PACKET && inputCount() == 0) {
            throw new ConfigurationException("PACKET script must have inputs");
        } else if (type != Type.PACKET && (inputCount() > 0 || outputCount() > 0)) {
            throw new ConfigurationException("ports allowed only on PACKET scripts");
        }
        for (String instruction : instructions) {
            parseInstruction(instruction, problems);
        }
        for (int i = 0; i < insns.size(); i++) { // resolve the gotos
            if (insns.get(i) == GOTO && !arg3.get(i).isEmpty()) {
                String[] word = Words.shift(arg3.get(i));
                int target = findLabel(word[0]);
                arg1.set(i, target);
                if (target >= insns.size()) {
                    problems.add("no such label '" + word[0] + "'");
                }
                arg3.set(i, word[1]);
            }
        }
        if (insns.isEmpty() && type == Type.DRIVER) {
            add(WAIT_STEP, 1, "");
        }
        add(type == Type.DRIVER ? STOP : END, 0, "");
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    private void parseInstruction(String instruction, List<String> problems) {
        String[] split = Words.shift(instruction);
        String name = split[0];
        String rest = split[1];
        if (name.isEmpty()) {
            return; // an empty instruction is harmless
        }
        Integer code = INSTRUCTIONS.get(name);
        if (code == null) {
            problems.add("syntax error at '" + name + "'");
            return;
        }
        switch (code) {
            case WAIT_PSEUDO, WAIT_STEP -> {
                if (code == WAIT_PSEUDO && !rest.isEmpty()) {
                    add(WAIT_TIME, 0, rest);
                    return;
                }
                Long steps = rest.isEmpty() ? Long.valueOf(1) : ScriptFunctions.tryInteger(rest);
                if (steps == null || steps < 0 || steps > Integer.MAX_VALUE) {
                    problems.add("syntax error at '" + name + "'");
                } else {
                    add(WAIT_STEP, steps.intValue(), "");
                }
            }
            case WRITE, WRITEQ, READ, READQ, PRINT, PRINTQ, PRINTN, PRINTNQ, SAVE, APPEND, GOTO ->
                    add(code, 0, rest);
            case RETURN, RETURNQ, INIT, INITQ, EXPORT, EXPORTQ, SET, SETQ -> {
                String text = code == RETURN || code == RETURNQ ? "_ " + rest : rest;
                String[] variable = Words.shift(text);
                if (variable[0].isEmpty() || ((code == SET || code == SETQ) && variable[1].isEmpty())) {
                    problems.add("syntax error at '" + name + "'");
                } else {
                    add(code, variable(variable[0], true), variable[1]);
                }
            }
            case WAIT_TIME -> add(WAIT_TIME, 0, rest);
            case LABEL -> {
                String[] label = Words.shift(rest);
                if (label[0].isEmpty() || !label[1].isEmpty()) {
                    problems.add("syntax error at '" + name + "'");
                } else {
                    add(LABEL, 0, label[0]);
                }
            }
            case LOOP_PSEUDO, END, EXIT, STOP, ERROR, ERRORQ -> {
                if (!rest.isEmpty() && code != ERROR && code != ERRORQ) {
                    problems.add("syntax error at '" + name + "'");
                } else {
                    add(code == LOOP_PSEUDO ? GOTO : code, 0, rest);
                }
            }
            default -> problems.add("syntax error at '" + name + "'");
        }
    }

    /** Appends an instruction; the first one must wait, so an INITIAL step goes first if needed. */
    private void add(int code, int argument, String text) {
        if (insns.isEmpty() && code != INITIAL && code != WAIT_STEP && code != WAIT_TIME) {
            add(INITIAL, 0, "");
        }
        insns.add(code);
        arg1.add(argument);
        arg2.add(0);
        arg3.add(text);
    }

    private int findLabel(String label) {
        for (int i = 0; i < insns.size(); i++) {
            if (insns.get(i) == LABEL && arg3.get(i).equals(label)) {
                return i;
            }
        }
        Integer code = INSTRUCTIONS.get(label);
        if (code != null && code < 0) {
            return code;
        }
        if (label.equals("begin") || label.equals("loop")) {
            return 0;
        }
        return insns.size();
    }

    /** The index of variable {@code name}, added if {@code add}; {@code varNames.size()} if absent. */
    private int variable(String name, boolean add) {
        int index = varNames.indexOf(name);
        if (index >= 0) {
            return index;
        }
        if (add) {
            varNames.add(name);
            varValues.add("");
            return varNames.size() - 1;
        }
        return varNames.size();
    }

    // ---------------------------------------------------------------- initialize

    @Override
    public void initialize() throws ConfigurationException {
        position = 0;
        stepCount = 0;
        timer = context().createTimer(t -> {
            step(1, StepType.TIMER, 0);
            completeStep(false);
            reportErrors();
        });
        for (int i = 0; i < insns.size(); i++) {
            int code = insns.get(i);
            if (code == INIT || code == EXPORT || code == INITQ || code == EXPORTQ) {
                String value = expand(arg3.get(i));
                varValues.set(arg1.get(i), code == INITQ || code == EXPORTQ ? Args.unquote(value) : value);
            }
        }
        if (!errors.isEmpty()) {
            List<String> problems = List.copyOf(errors);
            errors.clear();
            throw new ConfigurationException(problems);
        }
        if (type == Type.DRIVER) {
            driverTask = context().createTask(this::runDriver);
        }
        if (type == Type.PACKET) {
            run = new PacketBatch(PacketBatch.DEFAULT_CAPACITY);
        }
        int first = insns.get(0);
        if (type == Type.PASSIVE || type == Type.PACKET || type == Type.PROXY) {
            return;
        }
        if (first == WAIT_TIME) {
            Long delay = time(expand(arg3.get(0)));
            if (delay == null) {
                throw new ConfigurationException("syntax error at 'wait'");
            }
            timer.scheduleAfter(delay);
        } else if (first == INITIAL) {
            if (type == Type.DRIVER) {
                stopRequested(); // Click lowers the runcount so that the driver runs at once
            } else {
                timer.scheduleAfter(0);
            }
            arg1.set(0, 1);
        }
    }

    // ---------------------------------------------------------------- the driver

    /** A stop request of the router (any thread): the driver task takes it. */
    private void stopRequested() {
        pendingStops.incrementAndGet();
        if (driverTask != null) {
            driverTask.reschedule();
        }
    }

    /**
     * Click's {@code Master::verify_stop} for this router: while stop requests are pending, step the script;
     * each step that stops at a wait consumes one. If requests are left, the script ended: stop the router.
     */
    private boolean runDriver() {
        driverTask.unschedule();
        int max = MAX_JUMPS;
        int result = 0;
        while (pendingStops.get() > 0 && result == 0 && --max >= 0) {
            step(1, StepType.ROUTER, 0);
            result = completeStep(false);
            reportErrors();
        }
        if (pendingStops.get() > 0) {
            context().stopRouter();
        }
        return true;
    }

    // ---------------------------------------------------------------- stepping

    /**
     * Runs the script from {@link #position} for up to {@code steps} steps past waits (Click's
     * {@code Script::step}); returns the jumps made plus one.
     */
    private int step(int steps, StepType stepType, int jumps) {
        int nsteps = steps + stepCount;
        while (nsteps - stepCount >= 0 && position < insns.size() && jumps < MAX_JUMPS) {
            int at = position++;
            int code = insns.get(at);
            switch (code) {
                case STOP -> {
                    stepCount++;
                    position--;
                    if (stepType != StepType.ROUTER) {
                        requestStop();
                    }
                    return jumps + 1;
                }
                case WAIT_STEP -> {
                    while (stepCount < nsteps && arg2.get(at) < arg1.get(at)) {
                        arg2.set(at, arg2.get(at) + 1);
                        stepCount++;
                    }
                    if (stepCount == nsteps && arg2.get(at) < arg1.get(at)) {
                        position--;
                        return done(stepType, jumps);
                    }
                }
                case WAIT_TIME -> {
                    if (stepCount == nsteps) {
                        Long delay = time(expand(arg3.get(at)));
                        if (delay != null) {
                            timer.scheduleAfter(delay);
                            position--;
                        } else {
                            errors.add("syntax error at 'wait'");
                        }
                        return done(stepType, jumps);
                    }
                    stepCount++;
                    timer.unschedule();
                }
                case INITIAL -> {
                    if (arg1.get(at) != 0) {
                        stepCount++;
                        arg1.set(at, 0);
                    }
                }
                case SAVE, APPEND -> {
                    String[] word = Words.shift(arg3.get(at));
                    String file = word[1].isEmpty() ? "-" : word[1];
                    arg3.set(at, (code == SAVE ? ">" : ">>") + file + " " + word[0]);
                    insns.set(at, PRINT);
                    print(PRINT, arg3.get(at));
                }
                case PRINT, PRINTQ, PRINTN, PRINTNQ -> print(code, arg3.get(at));
                case READ, READQ -> {
                    String call = expand(arg3.get(at));
                    try {
                        String[] words = Words.shift(call);
                        String value = readCall(words[0], code == READQ ? Args.unquote(words[1]) : words[1]);
                        String shown = words[0].indexOf('.') < 0 && isOwnHandler(words[0])
                                ? name() + "." + words[0] : words[0];
                        errorStream().print(shown + ":\n" + value + "\n");
                        errorStream().flush();
                    } catch (HandlerException e) {
                        errors.add("While calling '" + call + "':");
                        errors.add("  " + e.getMessage());
                    }
                }
                case WRITE, WRITEQ -> {
                    String call = expand(arg3.get(at));
                    String[] words = Words.shift(call);
                    try {
                        writeStatus = writeCall(words[0], code == WRITEQ ? Args.unquote(words[1]) : words[1]);
                    } catch (HandlerException e) {
                        errors.add("While calling '" + call + "':");
                        errors.add("  " + e.getMessage());
                    }
                }
                case RETURN, RETURNQ, SET, SETQ -> {
                    String value = expand(arg3.get(at));
                    varValues.set(arg1.get(at), code == SETQ || code == RETURNQ ? Args.unquote(value) : value);
                    if ((code == RETURN || code == RETURNQ) && position == at + 1) {
                        position--;
                        return done(stepType, jumps);
                    }
                }
                case GOTO -> {
                    String condition = expand(arg3.get(at));
                    boolean jump = true;
                    if (!condition.isEmpty()) {
                        try {
                            jump = ScriptFunctions.parseBool(condition);
                        } catch (HandlerException e) {
                            errors.add("bad condition '" + condition + "'");
                            jump = false;
                        }
                    }
                    if (jump) {
                        int target = arg1.get(at);
                        if (target < 0) {
                            position--;
                            return jumps + 1; // goto end, exit, stop, error: finish
                        }
                        for (int i = target; i < at; i++) {
                            if (insns.get(i) == WAIT_STEP) {
                                arg2.set(i, 0);
                            }
                        }
                        position = target;
                    }
                }
                case ERROR, ERRORQ, END, EXIT -> {
                    if (code == ERROR || code == ERRORQ) {
                        String message = expand(arg3.get(at));
                        if (code == ERRORQ) {
                            message = Args.unquote(message);
                        }
                        if (!message.isEmpty()) {
                            errors.add(message);
                        }
                    }
                    position--;
                    return jumps + 1;
                }
                default -> {
                    // INIT, EXPORT and LABEL do nothing when run
                }
            }
            if (position != at + 1) {
                jumps++;
            }
        }
        return done(stepType, jumps);
    }

    /** Click's {@code done:} label: the script waits; a router step gives its stop request back. */
    private int done(StepType stepType, int jumps) {
        if (jumps >= MAX_JUMPS) {
            errorStream().println(name() + " :: " + className() + ": too many jumps, giving up");
            position = insns.size();
            timer.unschedule();
        }
        if (stepType == StepType.ROUTER) {
            pendingStops.decrementAndGet();
        }
        return jumps + 1;
    }

    /** A {@code stop} instruction: a stop request to the router (to this script's own driver if it is one). */
    private void requestStop() {
        if (type == Type.DRIVER) {
            stopRequested();
            return;
        }
        try {
            context().writeHandler("stop", "");
        } catch (HandlerException e) {
            errors.add(e.getMessage());
        }
    }

    /**
     * Click's {@code complete_step}: -1 after an error instruction, 1 after stop, else 0; with {@code value} the
     * return value is left in {@link #returnValue}.
     */
    private int completeStep(boolean value) {
        int last;
        if (position < 0 || position >= insns.size()) {
            last = Integer.MIN_VALUE;
        } else {
            last = insns.get(position);
            if (last == GOTO && arg1.get(position) < 0) {
                last = arg1.get(position);
            }
        }
        if (value) {
            returnValue = "";
            if (last == RETURN || last == RETURNQ) {
                int index = variable("_", false);
                if (index < varValues.size()) {
                    returnValue = varValues.get(index);
                }
            } else if (last == END && type == Type.PACKET) {
                returnValue = "0";
            }
        }
        return last == ERROR || last == ERRORQ ? -1 : last == STOP ? 1 : 0;
    }

    private String returnValue = "";

    /** Reports the errors of the last step under Click's context line. */
    private void reportErrors() {
        if (errors.isEmpty()) {
            return;
        }
        PrintStream stream = errorStream();
        stream.println("While executing '" + name() + " :: " + className() + "':");
        for (String error : errors) {
            stream.println("  " + error);
        }
        stream.flush();
        errors.clear();
    }

    private static Long time(String text) {
        try {
            return ArgTypes.TIME.parse(text.trim(), null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- printing and handler calls

    private void print(int code, String text) {
        PrintStream target = outputStream();
        OutputStream file = null;
        try {
            if (text.startsWith(">")) {
                boolean append = text.startsWith(">>");
                String[] words = Words.shift(text.substring(append ? 2 : 1));
                text = words[1];
                if (!words[0].isEmpty() && !words[0].equals("-")) {
                    try {
                        file = new FileOutputStream(words[0], append);
                        target = new PrintStream(file, false, StandardCharsets.ISO_8859_1);
                    } catch (IOException e) {
                        errors.add(words[0] + ": " + e.getMessage());
                        return;
                    }
                }
            }
            int before = errors.size();
            String result = "";
            if (!text.isEmpty() && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '@'
                    || text.charAt(0) == '_')) {
                String call = expand(text);
                String[] words = Words.shift(call);
                try {
                    result = readCall(words[0], code == PRINTQ || code == PRINTNQ ? Args.unquote(words[1]) : words[1]);
                } catch (HandlerException e) {
                    errors.add("While calling '" + call + "':");
                    errors.add("  " + e.getMessage());
                }
            } else {
                result = Args.unquote(expand(text, true));
            }
            if (errors.size() == before && !result.endsWith("\n") && code != PRINTN && code != PRINTNQ) {
                result += "\n";
            }
            target.print(result);
            target.flush();
        } finally {
            if (file != null) {
                target.close();
            }
        }
    }

    private PrintStream outputStream() {
        return out != null ? out : System.out;
    }

    private PrintStream errorStream() {
        return err != null ? err : System.err;
    }

    /**
     * Reads handler {@code handler} with {@code parameters}: one of the script's functions or variables, an
     * {@code element.handler} relative to the script's compound, or a global handler.
     */
    private String readCall(String handler, String parameters) throws HandlerException {
        int dot = handler.lastIndexOf('.');
        if (dot < 0) {
            if (ScriptFunctions.NAMES.contains(handler)) {
                return ScriptFunctions.evaluate(handler, parameters, context().clock().epochNanos());
            }
            if (handler.equals("get")) {
                return variableValue(parameters.trim());
            }
            if (handler.equals("shift")) {
                return shiftVariable(parameters.trim());
            }
            int index = exportIndex(handler);
            if (index >= 0) {
                return varValues.get(index);
            }
            if (handler.equals("run")) {
                return runHandler(parameters);
            }
            return context().readHandler(handler);
        }
        if (!parameters.isEmpty()) {
            // Junction's handlers take no parameters; another Script's functions and run are called directly.
            Element element = context().element(handler.substring(0, dot));
            if (element instanceof Script other) {
                return other.readCall(handler.substring(dot + 1), parameters);
            }
            throw new HandlerException("read handler '" + handler + "' does not take parameters");
        }
        return context().readHandler(absolute(handler, dot));
    }

    /** Whether {@code handler} (without an element) is one of this script's own read handlers or functions. */
    private boolean isOwnHandler(String handler) {
        return ScriptFunctions.NAMES.contains(handler) || handler.equals("get") || handler.equals("shift")
                || handler.equals("run") || exportIndex(handler) >= 0;
    }

    /** Click's {@code shift} function: removes the first word of variable {@code name} (default args) and returns it. */
    private String shiftVariable(String name) throws HandlerException {
        String variableName = name.isEmpty() ? "args" : name;
        if (!Words.shift(variableName)[1].isEmpty()) {
            throw new HandlerException("too many arguments");
        }
        if (variableName.equals("args")) {
            String[] words = Words.shift(runArgs);
            runArgs = words[1];
            return words[0];
        }
        int index = variable(variableName, false);
        if (index >= varNames.size()) {
            throw new HandlerException("undefined variable '" + variableName + "'");
        }
        String[] words = Words.shift(varValues.get(index));
        varValues.set(index, words[1]);
        return words[0];
    }

    /**
     * Writes {@code value} to {@code handler}; returns Click's write status, 0 or -1 if the handler refused it.
     * A handler that cannot be found throws, leaving the status as it was (Click's HandlerCall fails first).
     */
    private int writeCall(String handler, String value) throws HandlerException {
        int dot = handler.lastIndexOf('.');
        String target = dot < 0 ? handler : absolute(handler, dot);
        try {
            if (dot < 0 && (handler.equals("step") || handler.equals("goto") || handler.equals("run"))) {
                stepHandler(handler, value);
            } else if (dot < 0 && handler.equals("set")) {
                setHandler(value);
            } else {
                context().writeHandler(target, value);
            }
            return 0;
        } catch (HandlerException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no ")) {
                throw e; // no such handler: Click reports it and leaves the status
            }
            errors.add("While calling '" + handler + " " + value + "':");
            errors.add("  " + e.getMessage());
            return -1;
        }
    }

    /** {@code element.handler} with the element named from the router's top, as the engine names handlers. */
    private String absolute(String handler, int dot) throws HandlerException {
        String elementName = handler.substring(0, dot);
        Element element = context().element(elementName);
        if (element == null) {
            if (elementName.equals(name()) || elementName.isEmpty()) {
                return handler;
            }
            throw new HandlerException("no element named '" + elementName + "'");
        }
        return element.name() + handler.substring(dot);
    }

    private int exportIndex(String name) {
        for (int i = 0; i < insns.size(); i++) {
            int code = insns.get(i);
            if ((code == EXPORT || code == EXPORTQ) && varNames.get(arg1.get(i)).equals(name)) {
                return arg1.get(i);
            }
        }
        return -1;
    }

    private String variableValue(String name) throws HandlerException {
        if (name.equals("args")) {
            return runArgs;
        }
        int index = variable(name, false);
        if (index >= varNames.size()) {
            throw new HandlerException("undefined variable '" + name + "'");
        }
        return varValues.get(index);
    }

    /**
     * Expands {@code $VAR}, {@code ${VAR}} and {@code $(HANDLER ARGS)} in {@code text}, as Click's
     * {@code cp_expand}: nothing inside single quotes; a variable that does not exist stays as written.
     */
    String expand(String text) {
        return expand(text, false);
    }

    /**
     * {@link #expand(String)}; with {@code quoteResults} (Click's {@code expand_quote}, used by print before
     * unquoting) each expansion is quoted so that unquoting gives it back unchanged.
     */
    private String expand(String text, boolean quoteResults) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder result = new StringBuilder();
        char quote = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                }
                result.append(c);
                i++;
            } else if (c == '\\' && quote == '"' && i + 1 < length) {
                result.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && quote == 0 || c == '"') {
                quote = quote == 0 ? c : 0;
                result.append(c);
                i++;
            } else if (c == '$' && i + 1 < length) {
                if (!quoteResults) {
                    i = expandDollar(text, i, result);
                } else {
                    StringBuilder value = new StringBuilder();
                    int next = expandDollar(text, i, value);
                    boolean expanded = !text.substring(i, next).contentEquals(value);
                    String quoted = expanded ? Args.quote(value.toString()) : value.toString();
                    result.append(expanded && quote == '"' ? quoted.substring(1, quoted.length() - 1) : quoted);
                    i = next;
                }
            } else {
                result.append(c);
                i++;
            }
        }
        return result.toString();
    }

    /** Expands the {@code $} at {@code at}, appending to {@code result}; returns the index after it. */
    private int expandDollar(String text, int at, StringBuilder result) {
        char next = text.charAt(at + 1);
        int length = text.length();
        if (next == '(' || next == '{') {
            char close = next == '(' ? ')' : '}';
            int depth = 0;
            int end = at + 1;
            char quote = 0;
            for (; end < length; end++) {
                char c = text.charAt(end);
                if (quote != 0) {
                    if (c == '\\' && quote == '"') {
                        end++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == next) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    break;
                }
            }
            if (end >= length) {
                result.append(text, at, length);
                return length;
            }
            String inner = text.substring(at + 2, end);
            if (next == '(') {
                String call = expand(inner);
                String[] words = Words.shift(call);
                try {
                    result.append(readCall(words[0], words[1]));
                } catch (HandlerException e) {
                    errors.add("While calling '" + call + "':");
                    errors.add("  " + e.getMessage());
                }
            } else {
                String value = variableOrNull(inner);
                result.append(value != null ? value : text.substring(at, end + 1));
            }
            return end + 1;
        }
        int end = at + 1;
        if (next == '?' || next == '#' || next == '$') {
            end++;
        } else {
            while (end < length && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        }
        if (end == at + 1) {
            result.append('$');
            return at + 1;
        }
        String value = variableOrNull(text.substring(at + 1, end));
        result.append(value != null ? value : text.substring(at, end));
        return end;
    }

    /** Click's {@code Script::Expander::expand} for a variable name; {@code null} if it names nothing. */
    private String variableOrNull(String name) {
        int index = variable(name, false);
        if (index < varNames.size()) {
            return varValues.get(index);
        }
        switch (name) {
            case "?":
                return Integer.toString(writeStatus);
            case "args":
                return runArgs;
            case "$":
                return Long.toString(ProcessHandle.current().pid());
            case "0":
                return runHandlerName;
            case "#": {
                int count = 0;
                for (String rest = runArgs; !Words.first(rest).isEmpty(); rest = Words.shift(rest)[1]) {
                    count++;
                }
                return Integer.toString(count);
            }
            case "write":
                return ScriptFunctions.bool(runIsWrite);
            default:
                break;
        }
        if (name.charAt(0) >= '1' && name.charAt(0) <= '9') {
            Long n = ScriptFunctions.tryInteger(name);
            if (n != null) {
                String argument = "";
                String rest = runArgs;
                for (long k = n; k > 0; k--) {
                    String[] words = Words.shift(rest);
                    argument = words[0];
                    rest = words[1];
                }
                return argument;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- handlers

    @Override
    public void addHandlers(HandlerRegistry handlers) {
        handlers.addWrite("step", value -> stepHandler("step", value));
        handlers.addWrite("goto", value -> stepHandler("goto", value));
        handlers.addReadWrite("run", () -> runHandler(""), value -> stepHandler("run", value));
        handlers.addWrite("set", this::setHandler);
        for (int i = 0; i < insns.size(); i++) {
            int code = insns.get(i);
            if (code == EXPORT || code == EXPORTQ) {
                int index = arg1.get(i);
                handlers.addRead(varNames.get(index), () -> varValues.get(index));
            }
        }
    }

    private String runHandler(String arguments) throws HandlerException {
        runIsWrite = false;
        stepHandler("run", arguments);
        return returnValue;
    }

    private void setHandler(String value) throws HandlerException {
        String[] words = Words.shift(value);
        if (words[0].isEmpty()) {
            throw new HandlerException("no variable");
        }
        if (words[0].equals("args")) {
            runArgs = words[1];
        } else {
            varValues.set(variable(words[0], true), words[1]);
        }
    }

    /** Click's {@code Script::step_handler} for step, goto and run. */
    private void stepHandler(String what, String value) throws HandlerException {
        String data = value.trim();
        int steps;
        StepType stepType;
        runHandlerName = what;
        try {
            switch (what) {
                case "goto" -> {
                    int target = findLabel(Words.first(data));
                    if (target >= insns.size() || target < 0) {
                        throw new HandlerException("jump to nonexistent label");
                    }
                    for (int i = target; i < insns.size(); i++) {
                        if (insns.get(i) == WAIT_STEP) {
                            arg2.set(i, 0);
                        }
                    }
                    position = target;
                    steps = 0;
                    stepType = StepType.JUMP;
                }
                case "run" -> {
                    position = 0;
                    runArgs = value;
                    steps = 0;
                    stepType = StepType.JUMP;
                }
                default -> {
                    if (data.isEmpty()) {
                        steps = 1;
                    } else if (data.equals("router")) {
                        stopRequested();
                        return;
                    } else {
                        Long n = ScriptFunctions.tryInteger(data);
                        if (n == null || n < 0 || n > Integer.MAX_VALUE) {
                            throw new HandlerException("syntax error");
                        }
                        steps = n.intValue();
                    }
                    stepType = StepType.NORMAL;
                }
            }
            step(steps, stepType, 0);
            int result = completeStep(true);
            reportErrors();
            if (result < 0) {
                throw new HandlerException("script error");
            }
        } finally {
            runHandlerName = "";
            runArgs = "";
        }
    }

    // ---------------------------------------------------------------- packets

    /** Runs the script for one packet arriving on {@code port}; the output its return value names, or -1. */
    private int route(int port) {
        varValues.set(variable("input", true), Integer.toString(port));
        position = 0;
        step(0, StepType.JUMP, 0);
        completeStep(true);
        reportErrors();
        Long output = ScriptFunctions.tryInteger(returnValue.trim());
        return output == null || output < 0 || output >= outputCount() ? -1 : output.intValue();
    }

    @Override
    public void push(int port, PacketBatch batch) {
        // Packets keep their order: consecutive packets bound for one output leave together.
        int current = -1;
        for (int i = 0; i < batch.size(); i++) {
            Packet packet = batch.get(i);
            int output = route(port);
            if (output != current || run.isFull()) {
                flush(current);
                current = output;
            }
            if (output < 0) {
                packet.kill();
            } else {
                run.add(packet);
            }
        }
        flush(current);
        batch.clear();
    }

    private void flush(int output) {
        if (output >= 0 && !run.isEmpty()) {
            output(output).push(run);
        }
        run.clear();
    }

    @Override
    public int pull(int port, PacketBatch into, int max) {
        int before = into.size();
        int added = input(0).pull(into, max);
        int kept = before;
        for (int i = before; i < before + added; i++) {
            Packet packet = into.get(i);
            int output = route(0);
            if (output == 0) {
                into.set(kept++, packet);
            } else if (output > 0 && context().isOutputPush(output)) {
                run.add(packet);
                flush(output);
            } else {
                packet.kill();
            }
        }
        into.setSize(kept);
        return kept - before;
    }
}
