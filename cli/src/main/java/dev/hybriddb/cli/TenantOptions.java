package dev.hybriddb.cli;

import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The tenants a command works on. */
final class TenantOptions {
    @Option(names = {"-t", "--tenant"}, paramLabel = "UUID", required = true,
            description = "tenant id (repeatable); each tenant has its own graph")
    List<UUID> tenants;
}
