package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Java package may live in two HybridDB modules (a split package breaks the module path and
 * the Automatic-Module-Name promise). Checks the HybridDB jars and classes directories on this
 * test's classpath, and the main source trees of every module in the reactor.
 */
class SplitPackageTest {

    @Test
    void noPackageIsSplitAcrossModuleClassesOnTheClasspath() throws IOException {
        Map<String, Set<String>> owners = new TreeMap<>();
        int modules = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String module = hybridModule(entry);
            if (module != null) {
                modules++;
                for (String pkg : packagesOf(Path.of(entry))) {
                    owners.computeIfAbsent(pkg, k -> new TreeSet<>()).add(module);
                }
            }
        }
        assertThat(modules).as("HybridDB modules on the classpath").isGreaterThanOrEqualTo(5);
        assertThat(split(owners)).as("packages in more than one module").isEmpty();
    }

    @Test
    void noPackageIsSplitAcrossModuleSourceTrees() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Map<String, Set<String>> owners = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path module : dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).toList()) {
                Path src = module.resolve("src/main/java");
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> owners
                            .computeIfAbsent(src.relativize(f.getParent()).toString().replace(File.separatorChar, '.'),
                                    k -> new TreeSet<>())
                            .add(module.getFileName().toString()));
                }
            }
        }
        assertThat(owners).as("packages found").isNotEmpty();
        assertThat(split(owners)).as("packages in more than one module").isEmpty();
    }

    private static List<String> split(Map<String, Set<String>> owners) {
        List<String> out = new ArrayList<>();
        owners.forEach((pkg, mods) -> {
            if (mods.size() > 1) out.add(pkg + " in " + mods);
        });
        return out;
    }

    /** The module name for a HybridDB main jar or classes directory, else null (tests are excluded). */
    static String hybridModule(String entry) {
        String e = entry.replace(File.separatorChar, '/');
        if (e.endsWith("/target/classes")) {
            String dir = e.substring(0, e.length() - "/target/classes".length());
            return dir.substring(dir.lastIndexOf('/') + 1);
        }
        String file = e.substring(e.lastIndexOf('/') + 1);
        if (file.startsWith("hybriddb-") && file.endsWith(".jar") && !file.endsWith("-tests.jar")) {
            return file.replaceFirst("-\\d.*\\.jar$", "");
        }
        return null;
    }

    static Set<String> packagesOf(Path entry) throws IOException {
        Set<String> pkgs = new TreeSet<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().equals("module-info.class"))
                        .forEach(f -> pkgs.add(entry.relativize(f.getParent()).toString().replace(File.separatorChar, '.')));
            }
        } else if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements(); ) {
                    String name = en.nextElement().getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                        int slash = name.lastIndexOf('/');
                        pkgs.add(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'));
                    }
                }
            }
        }
        return pkgs;
    }
}
