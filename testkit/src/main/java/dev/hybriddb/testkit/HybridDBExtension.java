package dev.hybriddb.testkit;

import dev.hybriddb.HybridDB;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.testing.PostgresService;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link HybridDBTest}: one migrated database and one graph-name
 * prefix per test class (shared with its {@code @Nested} classes), torn down after the class.
 * Injects {@link HybridDB} and {@link PostgresService} into parameters and non-final fields, and a
 * new tenant into {@link TenantId @TenantId UUID} parameters.
 *
 * <p>Registered by {@code @HybridDBTest}; {@code @ExtendWith(HybridDBExtension.class)} alone gives
 * the defaults (FalkorDB, no sync).
 */
public final class HybridDBExtension implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HybridDBExtension.class);
    private static final String KEY = "class-database";

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        ClassDatabase services = services(context);
        for (Field f : injectable(context.getRequiredTestClass(), true)) {
            f.setAccessible(true);
            f.set(null, valueFor(f.getType(), services));
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        ClassDatabase services = services(context);
        for (Field f : injectable(testInstance.getClass(), false)) {
            f.setAccessible(true);
            f.set(testInstance, valueFor(f.getType(), services));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassDatabase services = context.getStore(NAMESPACE).get(KEY, ClassDatabase.class);
        if (services != null && services.owner().equals(context.getUniqueId())) {
            context.getStore(NAMESPACE).remove(KEY);
            services.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(TenantId.class)) {
            if (type != UUID.class) {
                throw new ParameterResolutionException("@TenantId goes on a UUID parameter, not on "
                        + type.getSimpleName() + " " + parameter.getParameter().getName());
            }
            return true;
        }
        return type == HybridDB.class || type == PostgresService.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassDatabase services = services(context);
        if (parameter.isAnnotated(TenantId.class)) {
            String slug = "test-" + UUID.randomUUID();
            return services.db().createTenant(TenantFields.of("Test tenant", slug)).id();
        }
        return valueFor(parameter.getParameter().getType(), services);
    }

    private static Object valueFor(Class<?> type, ClassDatabase services) {
        return type == HybridDB.class ? services.db() : services.postgres();
    }

    /** The class's services, created on first use in the class's context (or found in an enclosing class's). */
    private static ClassDatabase services(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        ClassDatabase existing = store.get(KEY, ClassDatabase.class);
        if (existing != null) {
            return existing;
        }
        HybridDBTest options = options(classContext.getRequiredTestClass());
        ClassDatabase created = options == null
                ? ClassDatabase.open(classContext.getUniqueId(), HybridDBTest.Graph.FALKORDB, HybridDBTest.Sync.NONE)
                : ClassDatabase.open(classContext.getUniqueId(), options.graph(), options.sync());
        store.put(KEY, created);
        return created;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        if (c.getTestClass().isEmpty()) {
            throw new ExtensionConfigurationException("HybridDBExtension needs a test class");
        }
        return c;
    }

    /** The {@code @HybridDBTest} of the class, its superclasses or (for {@code @Nested}) its enclosing classes. */
    private static HybridDBTest options(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<HybridDBTest> found = AnnotationSupport.findAnnotation(c, HybridDBTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    /** Non-final fields of type HybridDB or PostgresService, static or instance ones. */
    private static List<Field> injectable(Class<?> type, boolean statics) {
        return ReflectionSupport.findFields(type,
                f -> (f.getType() == HybridDB.class || f.getType() == PostgresService.class)
                        && Modifier.isStatic(f.getModifiers()) == statics && !Modifier.isFinal(f.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
    }
}
