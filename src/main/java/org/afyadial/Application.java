package org.afyadial;

import io.micronaut.runtime.Micronaut;
import org.afyadial.simulator.UssdSimulatorCli;
import org.afyadial.ussd.LintMenusCommand;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

import java.util.Arrays;

@OpenAPIDefinition(info = @Info(
        title = "AfyaDial",
        version = "0.1",
        description = "Clinic REST API and Africa's Talking webhooks of the AfyaDial USSD/SMS gateway"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /** Runs the service, or one of the commands {@code ussd-sim} and {@code lint-menus} named by the first argument. */
    public static void main(String[] args) {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "ussd-sim" -> System.exit(UssdSimulatorCli.run(rest, System.in, System.out));
            case "lint-menus" -> System.exit(LintMenusCommand.run(rest, System.out));
            default -> Micronaut.build(args).mainClass(Application.class).banner(false).start();
        }
    }
}
