package dev.switchboard;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The command line: {@code serve} (default), {@code demo}, {@code tenant …}, {@code simulate}, {@code bench}. */
final class Cli {
    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    static final String USAGE = """
            Usage: java -jar switchboard.jar [command]

              serve                          run Switchboard (the default)
              demo                           run with the built-in simulator producing live calls
              tenant create <id> [name]      create a tenant (a client of the agency)
              tenant list                    list tenants
              tenant set <id> [options]      change a tenant's provider settings
                  --vapi-public-key KEY      the tenant's Vapi public key, sent as Bearer to listen/control
                                             URLs (never shown or logged; - reads it from stdin, "" removes it)
                  --listen-format F          auto (announced or detected from the byte rate), mono or stereo
                  --retell-api-key KEY       the tenant's Retell API key (signs Retell webhooks; - reads stdin)
                  --webhook-auth S           none (default), secret (x-vapi-secret), bearer or hmac
                  --webhook-secret SECRET    the webhook secret / token / HMAC key (- reads stdin; 16+ chars)
                  --webhook-header NAME      bearer: the header (default Authorization)
                  --bearer-prefix on|off     bearer: 'Bearer ' before the token (default on)
                  --hmac-algorithm A         sha256 (default), sha512 or sha1
                  --signature-header NAME    hmac (default x-signature)
                  --timestamp-header NAME    hmac (default x-timestamp)
                  --signature-prefix TEXT    hmac: e.g. sha256= ('' for none, the default)
                  --replay-window-seconds N  hmac: allowed clock difference (default 300)
              user create <email> [--agency-admin] [--password -]
                                             create a user (password from stdin, or generated and shown once)
              user grant <email> <tenant> <admin|supervisor|viewer>
                                             give a user a role in a tenant
              user password <email> [--password -]   set a new password (signs the user out everywhere)
              user list                      list users
              simulate [options]             post simulated Vapi calls to a Switchboard
                  --target URL               base URL (default http://localhost:8000)
                  --tenants a,b,c            tenants to call (default demo-client,acme-agency,senior-life)
                  --calls-per-minute N       new calls per minute per tenant (default 6)
                  --pace X                   conversation speed, 1 = real time (default 1)
                  --duration SECONDS         stop after this long (default: until Ctrl-C)
                  --seed N                   repeat the same calls (default: random)
                  --max-in-flight N          concurrent webhook requests (default 64)
                  --webhook-auth S ...       sign webhooks like the tenants' settings (see simulate --help)
              analytics rebuild [tenant]     recount the analytics rollups from the stored calls (after a bulk load)
              bench [options]                benchmark ingestion and live delivery (see README)
              generate-history [options]     write a realistic history into the database (see README)
                  --calls N --tenants N --days N --seed S   (defaults 1000000, 10, 365, 1)
              bench analytics [options]      benchmark the analytics views on an existing database (see README)
              help                           this text

            Configuration comes from environment variables (PORT, DATABASE_URL, SWITCHBOARD_*); see README.
            """;

    private Cli() {}

    static int run(String[] args, Map<String, String> env) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        return switch (command) {
            case "serve" -> serve(env, false);
            case "demo" -> serve(env, true);
            case "tenant" -> dev.switchboard.tenant.TenantCommand.run(rest, env, System.in, System.out, System.err);
            case "user" -> dev.switchboard.auth.UserCommand.run(rest, env, System.in, System.out, System.err);
            case "simulate" -> dev.switchboard.simulator.SimulatorCommand.run(rest, System.out);
            case "analytics" -> dev.switchboard.analytics.AnalyticsCommand.run(rest, env, System.out);
            case "bench" -> dev.switchboard.bench.Benchmark.run(rest, System.out);
            case "generate-history" -> dev.switchboard.history.GenerateHistoryCommand.run(rest, env, System.out, System.err);
            case "help", "--help", "-h" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("switchboard: unknown command '" + command + "'\n");
                System.err.print(USAGE);
                yield 2;
            }
        };
    }

    private static int serve(Map<String, String> env, boolean demo) {
        ConfigLoader loader = new ConfigLoader(env);
        AppConfig config = loader.load(demo);
        loader.warnings().forEach(w -> log.warn("configuration: {}", w));
        dev.switchboard.auth.FirstAdmin.ensure(config, env);
        App app = App.start(config, Clock.systemUTC(),
                dev.switchboard.tenant.CredentialCipher.fromEnvironment(env, config.dataDir(), config.demo()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        printBanner(config, app.port(), System.out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void printBanner(AppConfig config, int port, PrintStream out) {
        String base = "http://localhost:" + port;
        out.println();
        out.println("  Switchboard is running" + (config.demo()
                ? " in demo mode: simulated calls for " + String.join(", ", config.simulator().tenants()) : "") + ".");
        out.println();
        out.println("  Open  " + base + "/");
        out.println("  Vapi server URL per tenant:  https://<your-host>/webhooks/vapi/<client_id>");
        out.println("  Database: " + config.database().redactedUrl() + (config.debugApi() ? "   (debug API on)" : ""));
        out.println("  Stop with Ctrl-C.");
        out.println();
    }
}
