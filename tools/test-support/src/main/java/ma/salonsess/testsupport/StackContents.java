package ma.salonsess.testsupport;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the local stack holds, to compare before and after something that must write
 * nothing (SnapStart priming): every item of every table of the template, every object version
 * of every bucket, and the number of emails sent.
 */
public record StackContents(Map<String, SortedSet<String>> tables, Map<String, SortedSet<String>> buckets,
                            int emailsSent) {

    public static StackContents of(LocalAws aws) {
        Map<String, SortedSet<String>> tables = new TreeMap<>();
        for (var table : aws.template().tables()) {
            SortedSet<String> items = new TreeSet<>();
            aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName(table.logicalId())).consistentRead(true))
                    .items().forEach(item -> items.add(new TreeMap<>(item).toString()));
            tables.put(table.logicalId(), items);
        }
        Map<String, SortedSet<String>> buckets = new TreeMap<>();
        for (String bucket : aws.template().buckets()) {
            SortedSet<String> objects = new TreeSet<>();
            aws.s3().listObjectVersionsPaginator(b -> b.bucket(aws.resources().bucketName(bucket))).forEach(page -> {
                page.versions().forEach(v -> objects.add(v.key() + " " + v.versionId() + " " + v.eTag()));
                page.deleteMarkers().forEach(m -> objects.add(m.key() + " " + m.versionId() + " deleted"));
            });
            buckets.put(bucket, objects);
        }
        return new StackContents(tables, buckets, aws.mailbox().sent().size());
    }
}
