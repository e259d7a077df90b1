package ma.salonsess.localrun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import ma.salonsess.localaws.EmbeddedAws;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.localaws.StackResources;
import ma.salonsess.shared.json.Json;

/**
 * {@code events/env-vars.json}: every function's variables as the template gives them, resolved
 * against the stack {@code ./run-local} starts on its fixed ports, for
 * {@code sam local invoke <Function> -e events/<sample>.json -n events/env-vars.json}. The container
 * reaches this machine as {@code host.docker.internal}. TemplateAgreementTest checks the committed
 * file is what this writes; after changing the template run
 * {@code java -cp "$(scripts/classpath.sh tools/local-run)" ma.salonsess.localrun.SamLocalEnv}.
 */
public final class SamLocalEnv {
    static final String HOST = "host.docker.internal";

    private SamLocalEnv() {
    }

    public static String variables(SamTemplate template) throws IOException {
        StackResources resources = new StackResources(template,
                EmbeddedAws.endpoints(HOST, EmbeddedAws.Ports.runLocal(8005)), null, Map.of());
        ObjectNode root = Json.object();
        for (SamTemplate.FunctionDefinition f : template.functions()) {
            Map<String, String> variables = new TreeMap<>(resources.functionEnv(f).asMap());
            // Lambda's own: sam local sets them for the function it runs.
            variables.remove("AWS_REGION");
            variables.remove("AWS_LAMBDA_FUNCTION_NAME");
            ObjectNode function = root.putObject(f.logicalId());
            variables.forEach(function::put);
        }
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root).replace("\r\n", "\n") + "\n";
    }

    public static void main(String[] args) throws IOException {
        Path file = RepositoryLayout.root().resolve("events/env-vars.json");
        Files.writeString(file, variables(SamTemplate.load(RepositoryLayout.template())));
        System.out.println("Written " + file);
    }
}
