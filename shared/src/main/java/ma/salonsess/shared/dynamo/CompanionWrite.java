package ma.salonsess.shared.dynamo;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A write one repository prepares for another to commit in the same transaction: an idempotency
 * claim written with a registration, or its release when the registration is erased. Use cases
 * only pass it along; the SDK item inside is unwrapped by the repository that writes the
 * transaction.
 */
public final class CompanionWrite {
    private final TransactWriteItem item;

    private CompanionWrite(TransactWriteItem item) {
        this.item = item;
    }

    public static CompanionWrite of(TransactWriteItem item) {
        return new CompanionWrite(item);
    }

    public TransactWriteItem item() {
        return item;
    }
}
