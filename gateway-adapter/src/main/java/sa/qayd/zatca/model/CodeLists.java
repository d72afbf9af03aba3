package sa.qayd.zatca.model;

import java.util.Set;

/**
 * The code lists ZATCA accepts, as its KSA schematron (release 238-R3.4.3) spells them, so that a code
 * the rules would refuse is refused before a document is numbered.
 */
public final class CodeLists {

    /** UNTDID 4461 payment means codes of BR-KSA-16, e.g. 10 cash, 30 credit transfer, 48 bank card, ZZZ mutually defined. */
    public static final Set<String> PAYMENT_MEANS = Set.of(("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 "
            + "24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 "
            + "60 61 62 63 64 65 66 67 68 70 74 75 76 77 78 91 92 93 94 95 96 97 ZZZ").split(" "));

    /** ISO 4217 currency codes of BR-KSA-CL-01 (the 2005 edition: MRO rather than MRU, and so on). */
    public static final Set<String> CURRENCIES = Set.of(("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF "
            + "BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP "
            + "DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD "
            + "JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRO MUR MVR MWK MXN "
            + "MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD "
            + "SHP SLL SOS SRD SSP STD SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UZS VEF VND VUV "
            + "WST XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWL").split(" "));

    /** UNTDID 5189 allowance reason codes (EN 16931 BR-CL-19), e.g. 95 discount, 100 special rebate. */
    public static final Set<String> ALLOWANCE_REASONS = Set.of(
            "41 42 60 62 63 64 65 66 67 68 70 71 88 95 100 102 103 104 105".split(" "));

    /** UNTDID 7161 charge reason codes of BR-KSA-CL-06, e.g. FC freight, LF legalisation fee, ZZZ mutually defined. */
    public static final Set<String> CHARGE_REASONS = Set.of(("AA AAA AAC AAD AAE AAF AAH AAI AAS AAT AAV AAY AAZ ABA ABB ABC "
            + "ABD ABF ABK ABL ABN ABR ABS ABT ABU ACF ACG ACH ACI ACJ ACK ACL ACM ACS ADC ADE ADJ ADK ADL ADM ADN ADO ADP ADQ "
            + "ADR ADT ADW ADY ADZ AEA AEB AEC AED AEF AEH AEI AEJ AEK AEL AEM AEN AEO AEP AES AET AEU AEV AEW AEX AEY AEZ AJ "
            + "AU CA CAB CAD CAE CAF CAI CAJ CAK CAL CAM CAN CAO CAP CAQ CAR CAS CAT CAU CAV CAW CD CG CS CT DAB DAD DL EG EP ER "
            + "FAA FAB FAC FC FH FI GAA HAA HD HH IAA AB ID IF IR IS KO L1 LA LAA LAB LF MAE MI ML NAA OA PA PAA PC PL RAB RAC "
            + "RAD RAF RE RF RH RV SA SAA SAD SAE SAI SG SH SM SU TAB AC TT TV V1 V2 WH XAA YY ZZZ").split(" "));

    /** Schemes of the buyer's other identification (BR-KSA-14). */
    public static final Set<String> BUYER_ID_SCHEMES = Set.of("TIN", "CRN", "MOM", "MLS", "700", "SAG", "NAT", "GCC", "IQA",
            "PAS", "OTH");

    /** Schemes of the seller's identification (BR-KSA-08). */
    public static final Set<String> SELLER_ID_SCHEMES = Set.of("CRN", "MOM", "MLS", "SAG", "OTH", "700");

    private CodeLists() {
    }
}
