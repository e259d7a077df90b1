package ma.salonsess.shared.registration;

import ma.salonsess.shared.text.LocalizedText;

/**
 * Morocco's 12 regions (2015 division), identified by their ISO 3166-2:MA codes, which do not
 * change when a name's spelling does.
 */
public enum Region {
    TANGER_TETOUAN_AL_HOCEIMA("MA-01", "Tanger-Tétouan-Al Hoceïma", "طنجة تطوان الحسيمة", "Tangier-Tetouan-Al Hoceima"),
    ORIENTAL("MA-02", "L'Oriental", "الشرق", "Oriental"),
    FES_MEKNES("MA-03", "Fès-Meknès", "فاس مكناس", "Fez-Meknes"),
    RABAT_SALE_KENITRA("MA-04", "Rabat-Salé-Kénitra", "الرباط سلا القنيطرة", "Rabat-Sale-Kenitra"),
    BENI_MELLAL_KHENIFRA("MA-05", "Béni Mellal-Khénifra", "بني ملال خنيفرة", "Beni Mellal-Khenifra"),
    CASABLANCA_SETTAT("MA-06", "Casablanca-Settat", "الدار البيضاء سطات", "Casablanca-Settat"),
    MARRAKECH_SAFI("MA-07", "Marrakech-Safi", "مراكش آسفي", "Marrakesh-Safi"),
    DRAA_TAFILALET("MA-08", "Drâa-Tafilalet", "درعة تافيلالت", "Draa-Tafilalet"),
    SOUSS_MASSA("MA-09", "Souss-Massa", "سوس ماسة", "Souss-Massa"),
    GUELMIM_OUED_NOUN("MA-10", "Guelmim-Oued Noun", "كلميم واد نون", "Guelmim-Oued Noun"),
    LAAYOUNE_SAKIA_EL_HAMRA("MA-11", "Laâyoune-Sakia El Hamra", "العيون الساقية الحمراء", "Laayoune-Sakia El Hamra"),
    DAKHLA_OUED_ED_DAHAB("MA-12", "Dakhla-Oued Ed-Dahab", "الداخلة وادي الذهب", "Dakhla-Oued Ed-Dahab");

    private final String code;
    private final LocalizedText name;

    Region(String code, String fr, String ar, String en) {
        this.code = code;
        this.name = new LocalizedText(fr, ar, en);
    }

    public String code() {
        return code;
    }

    public LocalizedText displayName() {
        return name;
    }

    public static Region fromCode(String code) {
        for (Region region : values()) {
            if (region.code.equals(code)) {
                return region;
            }
        }
        throw new IllegalArgumentException("Unknown region " + code);
    }
}
