package ma.salonsess.localaws;

/** A running set of AWS services on this machine: the embedded emulators, or LocalStack. */
public interface AwsStack extends AutoCloseable {
    AwsEndpoints endpoints();

    /** Every email the stack's SES accepted. */
    Mailbox mailbox();

    @Override
    void close();
}
