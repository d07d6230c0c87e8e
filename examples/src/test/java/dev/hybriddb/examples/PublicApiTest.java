package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is a promise: no generated jOOQ type ({@code dev.hybriddb.jooq}) and no type of an
 * {@code internal} package appears in a public or protected signature of a public class of any
 * library module (return, parameter, exception, field, supertype and type-argument positions).
 */
class PublicApiTest {
    private static final Set<String> LIBRARY_MODULES =
            Set.of("schema", "core", "graph-falkor", "graph-age", "vector", "sync", "test-support", "testkit",
                    "micrometer", "spring-boot-starter");

    @Test
    void noGeneratedOrInternalTypeInAPublicSignature() throws Exception {
        List<String> classes = libraryClasses();
        assertThat(classes).as("public library classes found").hasSizeGreaterThan(100);
        Set<String> leaks = new TreeSet<>();
        for (String name : classes) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (isPublicApi(c)) {
                leaks.addAll(leaksOf(c));
            }
        }
        assertThat(leaks).as("generated or internal types in public signatures").isEmpty();
    }

    @Test
    void theCheckFindsALeak() {
        assertThat(leaksOf(Leaky.class)).anySatisfy(l -> assertThat(l).contains("dev.hybriddb.jooq.tables.Agents"));
    }

    /** A public class that leaks a generated type: the check must notice. */
    public static final class Leaky {
        public dev.hybriddb.jooq.tables.Agents table() {
            return null;
        }
    }

    private static boolean isPublicApi(Class<?> c) {
        String pkg = c.getPackageName();
        if (forbidden(c) || pkg.startsWith("dev.hybriddb.examples") || c.isSynthetic() || c.isAnonymousClass()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static List<String> leaksOf(Class<?> c) {
        List<String> out = new ArrayList<>();
        check(out, c.getName() + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) {
            check(out, c.getName() + " implements", t);
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers())) {
                check(out, c.getName() + "." + f.getName(), f.getGenericType());
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                check(out, c.getName() + "." + m.getName() + "() returns", m.getGenericReturnType());
                executable(out, c, m);
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k.getModifiers()) && !k.isSynthetic()) {
                executable(out, c, k);
            }
        }
        return out;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void executable(List<String> out, Class<?> c, Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            check(out, c.getName() + "." + e.getName() + "(...) takes", t);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(out, c.getName() + "." + e.getName() + "(...) throws", t);
        }
    }

    private static void check(List<String> out, String where, Type type) {
        walk(type, new HashSet<>(), t -> out.add(where + " " + t.getName()));
    }

    private static void walk(Type type, Set<Type> seen, java.util.function.Consumer<Class<?>> leak) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> k) {
            Class<?> base = k;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            if (forbidden(base)) {
                leak.accept(base);
            }
        } else if (type instanceof ParameterizedType p) {
            walk(p.getRawType(), seen, leak);
            for (Type a : p.getActualTypeArguments()) {
                walk(a, seen, leak);
            }
        } else if (type instanceof GenericArrayType g) {
            walk(g.getGenericComponentType(), seen, leak);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(b, seen, leak);
            }
            for (Type b : w.getLowerBounds()) {
                walk(b, seen, leak);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                walk(b, seen, leak);
            }
        }
    }

    private static boolean forbidden(Class<?> c) {
        String name = c.getName();
        return name.startsWith("dev.hybriddb.") && (name.startsWith("dev.hybriddb.jooq.") || name.contains(".internal."));
    }

    /** Class names of the library modules' main classes on this test's classpath. */
    private static List<String> libraryClasses() throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (isLibraryModule(entry)) {
                classesIn(Path.of(entry), out);
            }
        }
        return out;
    }

    private static boolean isLibraryModule(String entry) {
        String e = entry.replace(File.separatorChar, '/');
        if (e.endsWith("/target/classes")) {
            String dir = e.substring(0, e.length() - "/target/classes".length());
            return LIBRARY_MODULES.contains(dir.substring(dir.lastIndexOf('/') + 1));
        }
        String file = e.substring(e.lastIndexOf('/') + 1);
        return file.startsWith("hybriddb-") && file.endsWith(".jar") && !file.endsWith("-tests.jar")
                && LIBRARY_MODULES.contains(file.substring("hybriddb-".length()).replaceFirst("-\\d.*\\.jar$", ""));
    }

    private static void classesIn(Path entry, List<String> out) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.map(f -> entry.relativize(f).toString().replace(File.separatorChar, '/'))
                        .filter(PublicApiTest::isClassFile).forEach(f -> out.add(className(f)));
            }
        } else if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    String name = en.nextElement().getName();
                    if (isClassFile(name)) {
                        out.add(className(name));
                    }
                }
            }
        }
    }

    private static boolean isClassFile(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class");
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
