package ma.salonsess.localaws;

import java.util.List;

/** Reads back what a local SES sent, so tests and people can see every email. */
public interface Mailbox {
    List<SentEmail> sent();

    void clear();

    default List<SentEmail> sentTo(String address) {
        return sent().stream().filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }
}
