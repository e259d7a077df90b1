package ma.salonsess.benchmarks;

import java.util.Map;
import java.util.UUID;
import ma.salonsess.shared.config.AwsClients;
import ma.salonsess.shared.config.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The floor for the cold start: a bare program in a fresh JVM that only builds a DynamoDB client
 * (the same way) and makes the DynamoDB calls a registration makes, a GetItem and a
 * TransactWriteItems of three conditional puts, with none of the handler's code. With a third
 * argument {@code ssm} it first builds an SSM client and reads the privacy notice version, as the
 * registration does since its settings are read at run time: the floor for all the same calls.
 * Arguments: fairId, email, [ssm].
 */
public final class ColdStartFloor {
    private ColdStartFloor() {
    }

    public static void main(String[] args) {
        Env env = Env.system();
        if (args.length > 2 && args[2].equals("ssm")) {
            SsmClient ssm = AwsClients.configure(SsmClient.builder(), env, "SSM").build();
            ssm.getParameter(b -> b.name(env.require("PRIVACY_NOTICE_VERSION_PARAMETER"))).parameter().value();
        }
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(env);
        String fairs = env.require("FAIRS_TABLE");
        String registrations = env.require("REGISTRATIONS_TABLE");
        String idempotency = env.require("IDEMPOTENCY_TABLE");
        var fair = dynamoDb.getItem(b -> b.tableName(fairs)
                .key(Map.of("fairId", AttributeValue.fromS(args[0]), "sk", AttributeValue.fromS("FAIR")))).item();
        String id = UUID.randomUUID().toString();
        dynamoDb.transactWriteItems(b -> b.transactItems(
                put(registrations, Map.of("fairId", AttributeValue.fromS(args[0]), "sk", AttributeValue.fromS("REG#" + id),
                        "email", AttributeValue.fromS(args[1])), "attribute_not_exists(sk)"),
                put(registrations, Map.of("fairId", AttributeValue.fromS(args[0]),
                        "sk", AttributeValue.fromS("EMAIL#" + args[1])), "attribute_not_exists(sk)"),
                put(idempotency, Map.of("id", AttributeValue.fromS(id)), "attribute_not_exists(id)")));
        System.out.println("STATUS " + (fair.isEmpty() ? 404 : 201));
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)).build();
    }
}
