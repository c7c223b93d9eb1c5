package org.afyadial;

import io.micronaut.runtime.Micronaut;
import org.afyadial.imports.ImportCsvCommand;
import org.afyadial.simulator.UssdSimulatorCli;
import org.afyadial.store.BackupCommands;
import org.afyadial.ussd.LintMenusCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;

@OpenAPIDefinition(info = @Info(
        title = "AfyaDial",
        version = "0.1",
        description = "Clinic REST API and Africa's Talking webhooks of the AfyaDial USSD/SMS gateway"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /**
     * Runs the service, or one of the commands {@code ussd-sim}, {@code lint-menus}, {@code import-csv},
     * {@code train-startup}, {@code backup}, {@code restore} named by the first argument.
     */
    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "ussd-sim" -> System.exit(UssdSimulatorCli.run(rest, System.in, System.out));
            case "lint-menus" -> System.exit(LintMenusCommand.run(rest, System.out));
            case "import-csv" -> System.exit(ImportCsvCommand.run(rest, System.out));
            case "train-startup" -> trainStartup();
            case "backup" -> System.exit(BackupCommands.backup(rest, System.out));
            case "restore" -> System.exit(BackupCommands.restore(rest, System.out));
            default -> Micronaut.build(args).mainClass(Application.class).banner(false).start();
        }
    }

    /**
     * Starts the service on a throwaway in-memory store and a free port, serves one request, stops. The build runs
     * it under {@code -XX:ArchiveClassesAtExit} so that a class-data-sharing archive holds every class a
     * start loads: with it, {@code java -XX:SharedArchiveFile=target/afyadial.jsa -jar ...} starts in half the time.
     */
    private static void trainStartup() {
        try (ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(Application.class)
                .banner(false)
                .properties(Map.of("afyadial.store.in-memory", true, "micronaut.server.port", -1))
                .start()) {
            URI health = context.getBean(EmbeddedServer.class).getURI().resolve("/health");
            try (HttpClient client = HttpClient.newHttpClient()) {
                client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the training start did not answer " + health, e);
            }
        }
        System.exit(0);
    }
}
