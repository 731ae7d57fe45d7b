package io.github.luciajooq.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.Lucia;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The module the jar declares: it exports the API and neither {@code internal} nor the generated classes, and it
 * resolves with jOOQ alone, every driver and the servlet API being optional.
 */
class ModuleDescriptorTest {

    private static final String NAME = "io.github.luciajooq";

    private static Path location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static ModuleDescriptor descriptor() throws URISyntaxException {
        return ModuleFinder.of(location(Lucia.class)).find(NAME).orElseThrow().descriptor();
    }

    @Test
    void everyPackageIsExportedExceptTheInternalOnes() throws Exception {
        ModuleDescriptor descriptor = descriptor();
        Set<String> exported = descriptor.exports().stream()
                .peek(export -> assertThat(export.isQualified()).as(export.toString()).isFalse())
                .map(Exports::source).collect(Collectors.toSet());

        assertThat(exported).contains(NAME, NAME + ".postgresql", NAME + ".spi", NAME + ".servlet")
                .noneMatch(name -> name.contains(".internal"));
        assertThat(descriptor.packages()).filteredOn(name -> !exported.contains(name))
                .isNotEmpty()
                .allMatch(name -> name.equals(NAME + ".internal") || name.contains(".internal."));
    }

    @Test
    void theGeneratedClassesAreOpenToJooqAlone() throws Exception {
        List<Opens> opens = List.copyOf(descriptor().opens());

        assertThat(opens).isNotEmpty().allSatisfy(open -> {
            assertThat(open.source()).startsWith(NAME + ".postgresql.internal.generated");
            assertThat(open.targets()).containsExactly("org.jooq");
        });
    }

    @Test
    void itResolvesWithJooqAloneAndLoadsItsAdapterThere() throws Exception {
        ModuleFinder jooqAndItsOwn = ModuleFinder.of(location(Lucia.class), location(DSLContext.class),
                location(io.r2dbc.spi.ConnectionFactory.class), location(org.reactivestreams.Publisher.class));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(jooqAndItsOwn, ModuleFinder.of(), Set.of(NAME));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        Module module = layer.findModule(NAME).orElseThrow();

        assertThat(configuration.modules()).extracting(resolved -> resolved.name())
                .contains(NAME, "org.jooq").doesNotContain("org.postgresql.jdbc", "jakarta.servlet");
        assertThat(Class.forName(module, NAME + ".postgresql.PostgresAdapter")).isNotNull();
        assertThat(module.isExported(NAME + ".internal")).isFalse();
        assertThat(module.isOpen(NAME + ".postgresql.internal.generated.tables.records",
                layer.findModule("org.jooq").orElseThrow())).isTrue();
    }
}
