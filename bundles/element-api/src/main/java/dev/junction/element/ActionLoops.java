package dev.junction.element;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import dev.junction.packet.Packet;
import dev.junction.packet.PacketBatch;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.ObjIntConsumer;

/**
 * The per-class copies of {@link SimpleAction}'s batch loop.
 *
 * <p>A loop written once in SimpleAction would call {@code action} from one call site for every element class
 * in the router; past two classes the JIT stops inlining there and every packet pays a virtual call. So each
 * concrete class gets its own loop: a small class generated with the JDK's ClassFile API and defined in the
 * package and class loader of the class that implements {@code action} (so it lives and goes with that
 * class's bundle). Its call site only ever sees one class, so the JIT inlines {@code action} into the loop;
 * only the call per batch into the loop stays virtual.
 *
 * <p>The loop is an ordinary class, not a hidden one: defining a hidden class needs a lookup with full
 * privilege in the element's class, which element-api, in another bundle's module, cannot get; defining a
 * class needs only package access. If a loop cannot be generated (a class in a named module that does not
 * open its package, say), the element uses the shared loop, which is correct but slower, and a warning says so.
 */
final class ActionLoops {
    private static final System.Logger LOG = System.getLogger(ActionLoops.class.getName());

    private static final ClassDesc CD_PACKET = ClassDesc.of(Packet.class.getName());
    private static final ClassDesc CD_BATCH = ClassDesc.of(PacketBatch.class.getName());
    private static final ClassDesc CD_SIMPLE_ACTION = ClassDesc.of(SimpleAction.class.getName());
    private static final ClassDesc CD_OBJ_INT_CONSUMER = ClassDesc.of(ObjIntConsumer.class.getName());
    private static final MethodTypeDesc MTD_ACTION = MethodTypeDesc.of(CD_PACKET, CD_PACKET);

    /** What the name of every generated loop class contains. */
    static final String LOOP_MARKER = "$$ActionLoop";

    /** Constructor of each class's loop, taking the element; null where the shared loop must serve. */
    private static final ClassValue<MethodHandle> LOOP_CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> elementClass) {
            try {
                return generate(elementClass);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "no specialised batch loop for " + elementClass.getName()
                        + " (it runs on the shared loop, with a virtual call per packet): " + e);
                return null;
            }
        }
    };

    private ActionLoops() {
    }

    /** The batch loop for {@code element}: its class's own loop, or the shared one. */
    @SuppressWarnings("unchecked")
    static ObjIntConsumer<PacketBatch> loopFor(SimpleAction element) {
        MethodHandle constructor = LOOP_CONSTRUCTORS.get(element.getClass());
        if (constructor == null) {
            return new SharedLoop(element);
        }
        try {
            return (ObjIntConsumer<PacketBatch>) constructor.invoke(element);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create the batch loop of " + element.getClass().getName(), e);
        }
    }

    /**
     * Runs {@code element.action} on packets {@code from..size-1} of a batch, keeping the survivors in order
     * and truncating the batch to them. This is the loop every generated class copies.
     */
    static final class SharedLoop implements ObjIntConsumer<PacketBatch> {
        private final SimpleAction element;

        SharedLoop(SimpleAction element) {
            this.element = element;
        }

        @Override
        public void accept(PacketBatch batch, int from) {
            int kept = from;
            for (int i = from, size = batch.size(); i < size; i++) {
                Packet result = element.action(batch.get(i));
                if (result != null) {
                    batch.set(kept++, result);
                }
            }
            batch.truncate(kept);
        }
    }

    /** Generates the hidden loop class for {@code elementClass} and returns its constructor. */
    private static MethodHandle generate(Class<?> elementClass) throws ReflectiveOperationException {
        Class<?> implementer = implementerOfAction(elementClass);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(implementer, MethodHandles.lookup());
        // One loop per concrete class, even where several inherit one action: names must differ.
        ClassDesc loopDesc = ClassDesc.of(implementer.getName() + LOOP_MARKER
                + (implementer == elementClass ? "" : "$" + elementClass.getName().replace('.', '_')));
        ClassDesc implementerDesc = ClassDesc.of(implementer.getName());
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.ofClassLoading(implementer.getClassLoader())
                        .orElse(ClassHierarchyResolver.ofClassLoading(ActionLoops.class.getClassLoader()))));
        byte[] bytes = classFile.build(loopDesc, classBuilder -> classBuilder
                .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withInterfaceSymbols(CD_OBJ_INT_CONSUMER)
                .withField("element", implementerDesc, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL)
                .withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void, CD_SIMPLE_ACTION), ClassFile.ACC_PUBLIC,
                        code -> code.aload(0)
                                .invokespecial(CD_Object, INIT_NAME, MTD_void)
                                .aload(0)
                                .aload(1)
                                .checkcast(implementerDesc)
                                .putfield(loopDesc, "element", implementerDesc)
                                .return_())
                .withMethodBody("accept", MethodTypeDesc.of(CD_void, CD_Object, CD_int), ClassFile.ACC_PUBLIC,
                        code -> loopBody(code, loopDesc, implementerDesc)));
        Class<?> loopClass = lookup.defineClass(bytes);
        return lookup.findConstructor(loopClass, MethodType.methodType(void.class, SimpleAction.class));
    }

    /** The same loop as {@link SharedLoop#accept}, in bytecode, calling {@code action} on the implementer. */
    private static void loopBody(CodeBuilder code, ClassDesc loopDesc, ClassDesc implementerDesc) {
        int batch = 3;
        int element = 4;
        int kept = 5;
        int index = 6;
        int size = 7;
        int result = 8;
        Label test = code.newLabel();
        Label next = code.newLabel();
        Label done = code.newLabel();
        code.aload(1).checkcast(CD_BATCH).astore(batch)
                .aload(0).getfield(loopDesc, "element", implementerDesc).astore(element)
                .iload(2).istore(kept)
                .iload(2).istore(index)
                .aload(batch).invokevirtual(CD_BATCH, "size", MethodTypeDesc.of(CD_int)).istore(size)
                .labelBinding(test)
                .iload(index).iload(size).if_icmpge(done)
                .aload(element)
                .aload(batch).iload(index).invokevirtual(CD_BATCH, "get", MethodTypeDesc.of(CD_PACKET, CD_int))
                .invokevirtual(implementerDesc, "action", MTD_ACTION)
                .astore(result)
                .aload(result).ifnull(next)
                .aload(batch).iload(kept).aload(result)
                .invokevirtual(CD_BATCH, "set", MethodTypeDesc.of(CD_void, CD_int, CD_PACKET))
                .iinc(kept, 1)
                .labelBinding(next)
                .iinc(index, 1)
                .goto_(test)
                .labelBinding(done)
                .aload(batch).iload(kept).invokevirtual(CD_BATCH, "truncate", MethodTypeDesc.of(CD_void, CD_int))
                .return_();
    }

    /** The class that declares the concrete {@code action} that instances of {@code elementClass} run. */
    private static Class<?> implementerOfAction(Class<?> elementClass) throws NoSuchMethodException {
        for (Class<?> type = elementClass; type != SimpleAction.class; type = type.getSuperclass()) {
            try {
                Method action = type.getDeclaredMethod("action", Packet.class);
                if (!Modifier.isAbstract(action.getModifiers())) {
                    return type;
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        throw new NoSuchMethodException(elementClass.getName() + " does not implement action(Packet)");
    }
}
