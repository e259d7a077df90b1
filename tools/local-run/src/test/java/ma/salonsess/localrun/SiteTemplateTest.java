package ma.salonsess.localrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import ma.salonsess.localaws.RepositoryLayout;
import ma.salonsess.localaws.SamTemplate;
import org.junit.jupiter.api.Test;

/** template.yaml deploys the site as ./run-local serves it: private bucket, CloudFront, headers, rate limit. */
class SiteTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(RepositoryLayout.root().resolve("template.yaml"));

    private static Map<String, Object> map(Object value) {
        return SamTemplate.asMap(value);
    }

    private static Map<String, Object> distribution() {
        return map(TEMPLATE.properties("SiteDistribution").get("DistributionConfig"));
    }

    @Test
    void theSiteBucketIsReadOnlyByItsDistributionThroughOriginAccessControl() {
        assertTrue(TEMPLATE.buckets().contains("SiteBucket"), "private and encrypted: TemplateAgreementTest checks every bucket");
        String policy = String.valueOf(TEMPLATE.properties("SiteBucketPolicy").get("PolicyDocument"));
        assertTrue(policy.contains("Service=cloudfront.amazonaws.com") && policy.contains("distribution/${SiteDistribution}"), policy);
        assertTrue(policy.contains("aws:SecureTransport=false"), "TLS only: " + policy);
        Map<String, Object> site = map(((List<?>) distribution().get("Origins")).get(0));
        assertEquals("site", site.get("Id"));
        assertEquals(Map.of("Fn::GetAtt", List.of("SiteOriginAccessControl", "Id")), site.get("OriginAccessControlId"));
        assertEquals("always", map(TEMPLATE.properties("SiteOriginAccessControl").get("OriginAccessControlConfig")).get("SigningBehavior"));
    }

    @Test
    void everyAnswerCarriesTheHeadersTheLocalSiteSends() {
        Map<String, Object> security = map(map(TEMPLATE.properties("SiteHeaders").get("ResponseHeadersPolicyConfig"))
                .get("SecurityHeadersConfig"));
        Map<String, String> local = SiteServer.securityHeaders("");
        assertEquals(local.get("content-security-policy"), map(security.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"));
        assertEquals("max-age=" + map(security.get("StrictTransportSecurity")).get("AccessControlMaxAgeSec") + "; includeSubDomains",
                local.get("strict-transport-security"));
        assertEquals(local.get("referrer-policy"), map(security.get("ReferrerPolicy")).get("ReferrerPolicy"));
        assertEquals(local.get("x-frame-options"), map(security.get("FrameOptions")).get("FrameOption"));
        assertTrue(security.containsKey("ContentTypeOptions"), "nosniff");
        Map<String, Object> pages = map(distribution().get("DefaultCacheBehavior"));
        assertEquals(Map.of("Ref", "SiteHeaders"), pages.get("ResponseHeadersPolicyId"));
        assertEquals("redirect-to-https", pages.get("ViewerProtocolPolicy"));
        Map<String, Object> api = map(((List<?>) distribution().get("CacheBehaviors")).get(0));
        assertEquals("/api/*", api.get("PathPattern"));
        assertEquals(Map.of("Ref", "SiteHeaders"), api.get("ResponseHeadersPolicyId"));
    }

    @Test
    void theApiIsBehindTheSitesOriginAndItsPublicPostsBehindARateLimitPerAddress() {
        Map<String, Object> apiOrigin = map(((List<?>) distribution().get("Origins")).get(1));
        assertEquals("api", apiOrigin.get("Id"));
        assertTrue(String.valueOf(apiOrigin.get("DomainName")).contains("${HttpApi}.execute-api"), apiOrigin.toString());
        String webAcl = String.valueOf(distribution().get("WebACLId"));
        assertTrue(webAcl.contains("PublicWebAcl"), webAcl);
        Map<String, Object> acl = TEMPLATE.properties("PublicWebAcl");
        assertEquals("CLOUDFRONT", acl.get("Scope"));
        Map<String, Object> rule = map(((List<?>) acl.get("Rules")).get(0));
        Map<String, Object> rate = map(map(rule.get("Statement")).get("RateBasedStatement"));
        assertEquals("IP", rate.get("AggregateKeyType"));
        assertEquals(Map.of("Ref", "PublicPostsPerAddress"), rate.get("Limit"));
        String scope = String.valueOf(rate.get("ScopeDownStatement"));
        assertTrue(scope.contains("SearchString=POST") && scope.contains("SearchString=/api/admin/"), scope);
        assertEquals(429, map(map(map(rule.get("Action")).get("Block")).get("CustomResponse")).get("ResponseCode"));
    }
}
