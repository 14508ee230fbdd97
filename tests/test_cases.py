"""Applying the law to cases: a table of hand-checked answers on the bundled data, and the rules on fixture data.

Each expected answer names the article that governs the case and its ceiling, as read in the official texts the
data cites (Légifrance; law.go.kr through the legalize-kr mirror; the NPC database through the LawRefBook and
X-STORAGE mirrors). A test fails when the data or the application picks another provision, not only another figure.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import attrs
import pytest

import policykit
from policykit.cli import main
from policykit.model import CoverageStatus, Penalty
from policykit.reports import render_comparison

from .conftest import MINIMAL

D = dt.date
AS_OF = D(2026, 11, 21)


@attrs.frozen
class Expected:
    """What a jurisdiction does to a case: the article of the most severe provision and its ceiling."""

    code: str
    conduct: str
    facts: tuple[str, ...]
    status: str
    article: str | None = None
    """`<provision id>`, or None when nothing applies."""
    months: int | str | None = None
    """Maximum imprisonment in months; "open" for "at least N years" with no stated maximum; None for none."""
    fine: int | None = None
    """The fine's ceiling: its maximum, or for a fine in units the most units at the highest value of one."""
    detention_days: int | None = None
    on: dt.date = AS_OF
    quantities: tuple[tuple[str, int], ...] = ()
    why: str = ""


def _ceiling(penalty: Penalty | None) -> tuple[int | str | None, int | None, int | None]:
    if penalty is None:
        return None, None, None
    months: int | str | None = None
    if penalty.imprisonment is not None:
        months = int(penalty.imprisonment.max.months) if penalty.imprisonment.max else "open"
    fine = penalty.fine.ceiling if penalty.fine is not None else None
    detention = penalty.administrative_detention
    days = detention.max.days if detention is not None and detention.max is not None else None
    return months, fine, days


E = Expected
#: The most a German day fine can reach since 2009-07-04 (StGB § 40: 360 daily units of at most €30,000).
DAY_FINE = 360 * 30_000
# fmt: off
PLAIN = [
    # -- France: Code pénal, read on Légifrance (article pages and their version history) ----------------------
    E("FR", "covert_filming", (), "specific_offence", "fr/code-penal/art_226-2-1", 24, 60_000,
      why="226-1 (1 y / 45,000) raised by 226-2-1 al. 1 to 2 y / 60,000 when the images are sexual: the plain case"),
    E("FR", "distribution_covert", (), "specific_offence", "fr/code-penal/art_226-2-1", 24, 60_000,
      why="226-2 raised by 226-2-1 al. 1 for sexual images"),
    E("FR", "distribution_consensual", (), "specific_offence", "fr/code-penal/art_226-2-1", 24, 60_000,
      why="226-2-1 al. 2 (loi 2016-1321): sexual images made with consent, shared without it"),
    E("FR", "distribution_for_profit", (), "specific_offence", "fr/code-penal/art_226-2-1", 24, 60_000,
      why="no profit aggravation in 226-1 to 226-2-1"),
    E("FR", "possession_viewing", (), "specific_offence", "fr/code-penal/art_226-2-1", 24, 60_000,
      why="226-2 punishes keeping ('conserver') the recording; 226-2-1 raises it for sexual images"),
    E("FR", "threat_to_distribute", (), "general_offence", "fr/code-penal/art_312-10", 60, 75_000,
      why="blackmail 312-10; 312-11 (7 y / 100,000) only once the threat is carried out"),
    E("FR", "coercion_with_images", (), "general_offence", "fr/code-penal/art_312-10", 60, 75_000),
    E("FR", "deepfake_distribution", (), "specific_offence", "fr/code-penal/art_226-8-1", 24, 60_000,
      why="226-8-1 (loi 2024-449) is the offence for sexual deepfakes, not 226-8 (1 y / 15,000)"),
    E("FR", "deepfake_creation", (), "not_covered",
      why="226-8 and 226-8-1 punish showing the montage to the public or a third party, not making it"),
    E("FR", "device_trade", (), "general_offence", "fr/code-penal/art_226-3", 60, 300_000),
    E("FR", "victim_doxxing", (), "general_offence", "fr/code-penal/art_223-1-1", 36, 45_000),
    # -- Korea: SCA, YPA, TBA; law.go.kr consolidated texts and their amendment history ------------------------
    E("KR", "covert_filming", (), "specific_offence", "kr/sca/art_14__para_1", 84, 50_000_000,
      why="SCA 14(1) as amended by Act No. 17264 (2020-05-19): 7 y or 50 M won"),
    E("KR", "distribution_covert", (), "specific_offence", "kr/sca/art_14__para_2", 84, 50_000_000),
    E("KR", "distribution_consensual", (), "specific_offence", "kr/sca/art_14__para_2", 84, 50_000_000,
      why="SCA 14(2) reaches images made with consent and distributed against the person's will"),
    E("KR", "distribution_for_profit", (), "specific_offence", "kr/sca/art_14__para_2", 84, 50_000_000,
      why="14(3) (at least 3 y) needs an information network too"),
    E("KR", "possession_viewing", (), "specific_offence", "kr/sca/art_14__para_4", 36, 30_000_000,
      why="SCA 14(4), from 2020-05-19"),
    E("KR", "threat_to_distribute", (), "specific_offence", "kr/sca/art_14-3__para_1", "open",
      why="SCA 14-3(1): imprisonment for at least 1 year, no fine option"),
    E("KR", "coercion_with_images", (), "specific_offence", "kr/sca/art_14-3__para_2", "open"),
    E("KR", "deepfake_creation", (), "specific_offence", "kr/sca/art_14-2__para_1", 84, 50_000_000,
      why="SCA 14-2(1) as amended by Act No. 20459 (2024-10-16)"),
    E("KR", "deepfake_distribution", (), "specific_offence", "kr/sca/art_14-2__para_2", 84, 50_000_000),
    E("KR", "victim_doxxing", (), "general_offence", "kr/sca/art_50__para_2__item_2", 36, 30_000_000),
    E("KR", "platform_duty", (), "specific_offence", "kr/tba/art_95-2__item_1-2", 36, 100_000_000),
    # -- China: PSAPL 2025 (in force 2026-01-01), Criminal Law, Civil Code -----------------------------------
    E("CN", "covert_filming", (), "administrative_sanction", "cn/psapl-2025/art_50__item_6", None, 1_000, 5,
      why="PSAPL 2025 art. 50(1)(6): up to 5 days' detention or up to 1,000 yuan; no crime without more facts"),
    E("CN", "distribution_covert", (), "administrative_sanction", "cn/psapl-2025/art_50__item_6", None, 1_000, 5),
    E("CN", "distribution_consensual", (), "administrative_sanction", "cn/psapl-2025/art_50__item_6", None, 1_000, 5),
    E("CN", "threat_to_distribute", (), "unknown",
      why="PSAPL 2025 art. 50(1)(5) needs repeated messages (多次); art. 50(1)(1) (personal safety) unsettled"),
    E("CN", "deepfake_distribution", (), "civil_remedy", "cn/civil-code/art_1019",
      why="portrait rights; criminal only if obscene material (CL 363-364) or serious defamation (CL 246)"),
    E("CN", "device_trade", (), "specific_offence", "cn/criminal-law/art_283", 36,
      why="CL 283: selling special covert-recording equipment, up to 3 years"),
    E("CN", "victim_doxxing", (), "administrative_sanction", "cn/psapl-2025/art_56", None, None, 15),
    E("CN", "possession_viewing", (), "unknown"),
    E("CN", "distribution_for_profit", (), "administrative_sanction", "cn/psapl-2025/art_50__item_6", None, 1_000, 5,
      why="for profit alone changes nothing: CL 363(1) needs obscene material"),
    E("CN", "coercion_with_images", (), "unknown", why="no general coercion offence; CL 237 and 274 need more facts"),
    E("CN", "deepfake_creation", (), "civil_remedy", "cn/civil-code/art_1019"),
    E("CN", "platform_duty", (), "general_offence", "cn/criminal-law/art_286-1", 36),
    E("FR", "platform_duty", (), "unknown", why="LCEN penalties for hosts not read (see the coverage statement)"),
    E("KR", "device_trade", (), "unknown"),
    # -- Japan: the 2023 photographing act, the 2014 revenge-porn act, the child pornography act, the Penal Code ------
    E("JP", "covert_filming", (), "specific_offence", "jp/satsuei/art_2__para_1", 36, 3_000_000,
      why="2023 act art. 2(1): 3 years or 3 million yen"),
    E("JP", "distribution_covert", (), "specific_offence", "jp/satsuei/art_3__para_1", 36, 3_000_000,
      why="art. 3(1), providing to a few; 3(2) (5 y / 5 M yen) needs many people or the public"),
    E("JP", "distribution_consensual", (), "not_covered",
      why="the 2014 act punishes providing to many or the public; the 2023 act reaches images taken covertly"),
    E("JP", "distribution_for_profit", (), "specific_offence", "jp/satsuei/art_3__para_1", 36, 3_000_000),
    E("JP", "possession_viewing", (), "not_covered", why="only child pornography possession is punished"),
    E("JP", "threat_to_distribute", (), "general_offence", "jp/penal-code/art_222__para_1", 24, 300_000),
    E("JP", "coercion_with_images", (), "general_offence", "jp/penal-code/art_223__para_1", 36),
    E("JP", "deepfake_creation", (), "not_covered"),
    E("JP", "deepfake_distribution", (), "not_covered", why="defamation (art. 230) needs publication"),
    E("JP", "device_trade", (), "unknown"),
    E("JP", "victim_doxxing", (), "unknown"),
    E("JP", "platform_duty", (), "unknown"),
    E("JP", "group_administration", (), "unknown"),
    # -- Taiwan: Criminal Code chapter 28-1 (2023), CSEPA, SACPA ------------------------------------------------
    E("TW", "covert_filming", (), "specific_offence", "tw/criminal-code/art_319-1__para_1", 36,
      why="CC 319-1(1) (2023): 3 years; 315-1 (3 years or a fine) has a fine alternative, so it ranks below"),
    E("TW", "distribution_covert", (), "specific_offence", "tw/criminal-code/art_319-3__para_2", 60, 500_000,
      why="CC 319-3(2): distributing images recorded under 319-1, 6 months to 5 years"),
    E("TW", "distribution_consensual", (), "specific_offence", "tw/criminal-code/art_319-3__para_1", 60, 500_000),
    E("TW", "distribution_for_profit", (), "specific_offence", "tw/criminal-code/art_319-3__para_1", 60, 500_000),
    E("TW", "possession_viewing", (), "not_covered"),
    E("TW", "threat_to_distribute", (), "general_offence", "tw/criminal-code/art_305", 24, 9_000,
      why="CC 305: 2 years, detention or a fine of 300 silver yuan (NT$9,000 under the Enforcement Act art. 1-1)"),
    E("TW", "coercion_with_images", (), "general_offence", "tw/criminal-code/art_304", 36, 9_000),
    E("TW", "deepfake_creation", (), "unknown", why="319-4(1) needs a view to distributing the images"),
    E("TW", "deepfake_distribution", (), "specific_offence", "tw/criminal-code/art_319-4__para_2", 60, 500_000),
    E("TW", "device_trade", (), "general_offence", "tw/criminal-code/art_319-1__para_2", 60, 500_000),
    E("TW", "victim_doxxing", (), "administrative_sanction", "tw/sacpa/art_16__para_4", None, 100_000),
    E("TW", "platform_duty", (), "administrative_sanction", "tw/sacpa/art_13", None, 600_000),
    E("TW", "group_administration", (), "unknown"),
    # -- United States, federal law only (47 U.S.C. § 223(h) from the TAKE IT DOWN Act; 18 U.S.C.) ---------------
    E("US", "covert_filming", (), "not_covered", why="18 U.S.C. § 1801 reaches only federal territory; states not coded"),  # noqa: E501
    E("US", "distribution_covert", (), "not_covered", why="47 U.S.C. § 223(h)(2) needs an interactive computer service"),  # noqa: E501
    E("US", "distribution_consensual", (), "not_covered"),
    E("US", "distribution_for_profit", (), "not_covered"),
    E("US", "possession_viewing", (), "not_covered"),
    E("US", "threat_to_distribute", (), "specific_offence", "us/usc-47-223h/sec_223__subsec_h__para_6__subpara_a", 24,
      why="§ 223(h)(6)(A): threats about authentic intimate depictions of adults, up to 2 years, fine or both"),
    E("US", "coercion_with_images", (), "specific_offence", "us/usc-47-223h/sec_223__subsec_h__para_6__subpara_a", 24),
    E("US", "deepfake_creation", (), "not_covered"),
    E("US", "deepfake_distribution", (), "not_covered"),
    E("US", "device_trade", (), "not_covered", why="18 U.S.C. § 2512 concerns devices that intercept communications"),
    E("US", "victim_doxxing", (), "unknown"),
    E("US", "platform_duty", (), "administrative_sanction", "us/take-it-down-act/sec_3",
      why="48-hour removal duty from 2026-05-19, enforced by the FTC (amount not coded)"),
    E("US", "group_administration", (), "unknown"),
    # -- Australia, Commonwealth law only (Criminal Code, Online Safety Act 2021, Privacy Act) ----------------------
    E("AU", "covert_filming", (), "civil_remedy", "au/privacy-act-sch-2/cl_7",
      why="the statutory privacy tort (2025); offences are state and territory law, not coded"),
    E("AU", "distribution_covert", (), "civil_remedy", "au/privacy-act-sch-2/cl_7"),
    E("AU", "distribution_consensual", (), "civil_remedy", "au/privacy-act-sch-2/cl_7"),
    E("AU", "distribution_for_profit", (), "unknown"),
    E("AU", "possession_viewing", (), "unknown"),
    E("AU", "threat_to_distribute", (), "unknown"),
    E("AU", "coercion_with_images", (), "unknown"),
    E("AU", "deepfake_creation", (), "unknown"),
    E("AU", "deepfake_distribution", (), "unknown", why="Criminal Code s. 474.17A needs a carriage service (online)"),
    E("AU", "device_trade", (), "unknown"),
    E("AU", "victim_doxxing", (), "unknown"),
    E("AU", "platform_duty", (), "administrative_sanction", "au/osa/s_80"),
    E("AU", "group_administration", (), "unknown"),
    # -- England and Wales (GB-EAW): SOA 2003 ss. 66B, 66E, 67, 67A; CJCA 2015 s. 33; PCA 1978; CJA 1988 s. 160;
    # Theft Act 1968 s. 21; CA 2003 s. 127; OSA 2023. Read on legislation.gov.uk (s. 66B to (7), OSA Sch. 13,
    # SIs 2022/500, 2023/298 via copy, 2024/1067 via BAILII, JRCA 2022 s. 13), the Legalize copy of the VOA 2019,
    # copies of the OSA ss. 10 and 20A pages (2026), Sentencing Council and CPS pages, chambers' and firms' notes.
    # Re-checked independently (review of 2026-11-30); the CPA 2026 intimate image offences were not readable.
    E("GB-EAW", "covert_filming", (), "unknown",
      why="s. 67 and s. 67A need a purpose (coded as conditions); the Crime and Policing Act 2026 taking offence"
          " (in force 2026-06-29) was not read"),
    E("GB-EAW", "distribution_covert", (), "specific_offence", "gb-eaw/soa-2003/s_66b__para_1", 6,
      why="s. 66B(1) (from 2024-01-31): summary only, 6 months or an unlimited fine; no purpose needed"),
    E("GB-EAW", "distribution_consensual", (), "specific_offence", "gb-eaw/soa-2003/s_66b__para_1", 6),
    E("GB-EAW", "distribution_for_profit", (), "specific_offence", "gb-eaw/soa-2003/s_66b__para_1", 6,
      why="no profit aggravation in s. 66B"),
    E("GB-EAW", "possession_viewing", (), "unknown",
      why="adults: no possession offence until 2026; CPA 2026 copy offence unread"),
    E("GB-EAW", "threat_to_distribute", (), "specific_offence", "gb-eaw/soa-2003/s_66b__para_4", 24,
      why="s. 66B(4): either way, 2 years on indictment"),
    E("GB-EAW", "coercion_with_images", (), "specific_offence", "gb-eaw/soa-2003/s_66b__para_4", 24,
      why="the coercive threat to share is s. 66B(4); blackmail needs a demand for money or property"),
    E("GB-EAW", "deepfake_creation", (), "specific_offence", "gb-eaw/soa-2003/s_66e", 6,
      why="s. 66E (Data (Use and Access) Act 2025 s. 138), in force 2026-02-06: summary only"),
    E("GB-EAW", "deepfake_distribution", (), "specific_offence", "gb-eaw/soa-2003/s_66b__para_1", 6,
      why="s. 66B reaches images that appear to show the person (s. 66D)"),
    E("GB-EAW", "device_trade", (), "not_covered"),
    E("GB-EAW", "victim_doxxing", (), "unknown"),
    E("GB-EAW", "platform_duty", (), "administrative_sanction", "gb-eaw/osa-2023/s_10", None, 18_000_000,
      why="OSA 2023 Sch. 13 para. 4: 18 million pounds or 10% of qualifying worldwide revenue if greater"),
    E("GB-EAW", "group_administration", (), "unknown"),
    # -- India, central law (IPC / BNS, IT Act, POCSO Act, IT Rules 2021): BNS in a Gazette extraction, IPC s. 292
    #    in the India Code copy on Indian Kanoon, IPC s. 354C in the CLA 2013 as enacted (AdvocateKhoj), IT Act
    #    s. 66E in the 2009 Gazette (Sooperkanoon OCR); IT Act ss. 67-67B, POCSO, IPC ss. 384, 506 in legal-publisher
    #    copies only
    E("IN", "covert_filming", (), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      why="IT Act s. 66E: capturing the image of a private area without consent, 3 years or 2 lakh rupees or both"),
    E("IN", "distribution_covert", (), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      why="s. 66E publishing (to the public) or transmitting (electronically); [online, to_the_public] not set,"
          " as it would also bind the capturing limb (see the s. 66E note)"),
    E("IN", "distribution_consensual", (), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      why="s. 66E: publication without consent, whatever the consent to capture"),
    E("IN", "distribution_for_profit", (), "specific_offence", "in/it-act/s_66e", 36, 200_000),
    E("IN", "possession_viewing", (), "not_covered", why="only minors' images (IT Act s. 67B, POCSO s. 15)"),
    E("IN", "threat_to_distribute", (), "general_offence", "in/bns/s_351__subsec_2", 24,
      why="BNS s. 351(2) criminal intimidation: 2 years, fine (no maximum) or both"),
    E("IN", "coercion_with_images", (), "general_offence", "in/bns/s_351__subsec_2", 24),
    E("IN", "deepfake_creation", (), "not_covered", why="IT Act s. 67B(b) reaches creation only for children"),
    E("IN", "deepfake_distribution", (), "unknown",
      why="s. 67A needs electronic transmission, s. 67 and BNS s. 294 obscenity; defamation not coded"),
    E("IN", "device_trade", (), "unknown"),
    E("IN", "victim_doxxing", (), "unknown"),
    E("IN", "platform_duty", (), "civil_remedy", "in/it-rules-2021/r_3__subr_2__cl_b",
      why="r. 3(2)(b): removal on complaint (2 hours from 2026-02-20); sanction is loss of the s. 79 exemption"),
    E("IN", "group_administration", (), "unknown"),
    # -- Canada, federal Criminal Code only (Justice Laws consolidation current to 2026-06-14 via the XYOca markdown ---
    # -- conversion of justicecanada/laws-lois-xml; amending Acts as enacted and the Table of Public Statutes there; ---
    # -- re-checked independently 2026-11-30 against S.C. 2005 c. 32, 2008 c. 6 and c. 18, 2009 c. 22, 2012 c. 1, ------
    # -- 2014 c. 31, 2015 c. 23, 2018 c. 29, 2019 c. 25, 2022 c. 15, 2024 c. 23 and the TOPS entry for C-46) ----------
    E("CA", "covert_filming", (), "specific_offence", "ca/criminal-code/s_162__subsec_1", 60,
      why="s. 162(5)(a): 5 years on indictment (summary: 2 years less a day and/or 5,000 dollars, s. 787(1))"),
    E("CA", "distribution_covert", (), "specific_offence", "ca/criminal-code/s_162__subsec_4", 60,
      why="s. 162(4) (recording known to be voyeuristic) and s. 162.1 both apply, 5 years each; 162(4) named"),
    E("CA", "distribution_consensual", (), "specific_offence", "ca/criminal-code/s_162-1", 60),
    E("CA", "distribution_for_profit", (), "specific_offence", "ca/criminal-code/s_162__subsec_4", 60,
      why="s. 162(4) (sells) and s. 162.1 (sells), 5 years each"),
    E("CA", "possession_viewing", (), "not_covered", why="s. 163.1(4) needs a person under 18"),
    E("CA", "threat_to_distribute", (), "general_offence", "ca/criminal-code/s_346", None,
      why="extortion, s. 346(1.1)(b): life; no applies_when_any, since s. 346 reaches a demand of anything"),
    E("CA", "coercion_with_images", (), "general_offence", "ca/criminal-code/s_346", None),
    E("CA", "deepfake_creation", (), "not_covered"),
    E("CA", "deepfake_distribution", (), "unknown",
      why="Bill C-16 (royal assent 2026-06-18) extends s. 162.1; enacted text and in-force date not read"),
    E("CA", "device_trade", (), "not_covered", why="s. 191 concerns devices intercepting private communications"),
    E("CA", "victim_doxxing", (), "unknown"),
    E("CA", "platform_duty", (), "unknown", why="S.C. 2011, c. 4 duties concern child sexual abuse material only"),
    E("CA", "group_administration", (), "unknown"),
    # Running a group that shares such images (the MaskPark and Nth Room operators).
    E("CN", "group_administration", (), "administrative_sanction", "cn/cybersecurity-law-2025/art_68", None, 100_000, 5,
      why="Cybersecurity Law art. 46 / 67 (art. 68 from 2026): groups set up for unlawful activities"),
    E("FR", "group_administration", (), "general_offence", "fr/code-penal/art_121-7", 24, 60_000,
      why="complicity (121-7) in the members' 226-2-1 offences: the principal's penalty"),
    E("KR", "group_administration", (), "general_offence", "kr/criminal-act/art_114", 84, 50_000_000,
      why="Criminal Act art. 114 (criminal group), punished as the aimed offence, SCA 14(2)"),
    # -- Germany: StGB, KUG, TTDSG, read in the gesetze-im-internet consolidations of 2012/2013 and 2021
    #    (bundestag/gesetze mirror), the official XML of 2020-08-31 (nfelger/gesetze-aus-dem-internet copy, for
    #    2015-2020), the 2023 XML (QuantLaw archive) and the April 2026 XML (krambox archive); re-checked by a second
    #    reader on 2026-11-30.
    #    Day fines (5-360 units of 1-30,000 EUR, § 40): `fine` is their ceiling, DAY_FINE.
    E("DE", "covert_filming", (), "specific_offence", "de/stgb/art_201a__para_1", 24,
      why="201a(1) no. 1 (dwelling or protected room) and 184k(1) no. 1: 2 y or day fine each; the tie goes to 201a",
      fine=DAY_FINE),
    E("DE", "distribution_covert", (), "specific_offence", "de/stgb/art_201a__para_1", 24,
      why="201a(1) no. 4 (images made under no. 1), 184k(1) no. 2: 2 y or day fine; 201a(2) needs reputation damage",
      fine=DAY_FINE),
    E("DE", "distribution_consensual", (), "specific_offence", "de/stgb/art_201a__para_1", 24,
      why="201a(1) no. 5 (authorised images of the no. 1 kind) and 184k(1) no. 3: 2 y or day fine; KUG 33 1 y",
      fine=DAY_FINE),
    E("DE", "distribution_for_profit", (), "specific_offence", "de/stgb/art_201a__para_1", 24,
      why="selling is making accessible (201a(1) nos. 4-5); no profit aggravation; 201a(3) is for under-18s",
      fine=DAY_FINE),
    E("DE", "possession_viewing", (), "not_covered",
      why="only child and youth pornography possession (184b(3), 184c(3))"),
    E("DE", "threat_to_distribute", (), "general_offence", "de/stgb/art_241__para_1", 12,
      why="241(1) since 2021-04-03: threat of an offence against sexual self-determination (184k), 1 y or day fine",
      fine=DAY_FINE),
    E("DE", "coercion_with_images", (), "general_offence", "de/stgb/art_240__para_1", 36, fine=DAY_FINE),
    E("DE", "deepfake_creation", (), "not_covered", why="§ 201b StGB-E is a bill; KUG 33 needs dissemination"),
    E("DE", "deepfake_distribution", (), "general_offence", "de/kug/art_33__para_1", 12,
      why="KUG 22, 33: disseminating a likeness without consent, 1 y or day fine, on complaint", fine=DAY_FINE),
    E("DE", "device_trade", (), "specific_offence", "de/ttdsg/art_27__para_1", 24,
      why="TTDSG 8(1), 27(1) no. 3: making or marketing disguised transmitting cameras", fine=DAY_FINE),
    E("DE", "victim_doxxing", (), "general_offence", "de/stgb/art_126a__para_1", 24,
      why="126a(1) since 2021-09-22: dissemination of personal data exposing a person to danger, 2 y or day fine",
      fine=DAY_FINE),
    E("DE", "platform_duty", (), "unknown", why="NetzDG duties repealed 2024-05-14; DSA/DDG fines not coded"),
    E("DE", "group_administration", (), "unknown", why="127 (platforms) lists child and youth pornography only"),
]

AGGRAVATED = [
    E("FR", "covert_filming", ("minor_victim",), "specific_offence", "fr/code-penal/art_227-23__para_1", 60, 75_000),
    E("FR", "distribution_covert", ("minor_victim", "online"), "specific_offence", "fr/code-penal/art_227-23__para_2",
      60, 75_000, why="227-23 al. 2: 5 y / 75,000; al. 3 needs an undetermined public, not a closed group"),
    E("FR", "distribution_covert", ("minor_victim", "online", "to_the_public"), "specific_offence",
      "fr/code-penal/art_227-23__para_2", 84, 100_000,
      why="227-23 al. 3: 7 y / 100,000 through an electronic network to an undetermined public"),
    E("FR", "possession_viewing", ("minor_victim",), "specific_offence", "fr/code-penal/art_227-23__para_4", 60, 75_000),  # noqa: E501
    E("FR", "threat_to_distribute", ("threat_carried_out",), "general_offence", "fr/code-penal/art_312-11", 84, 100_000),  # noqa: E501
    E("FR", "coercion_with_images", ("minor_victim",), "specific_offence", "fr/code-penal/art_227-23-1", 84, 100_000),
    E("FR", "deepfake_distribution", ("online",), "specific_offence", "fr/code-penal/art_226-8-1", 36, 75_000),
    E("FR", "victim_doxxing", ("minor_victim",), "general_offence", "fr/code-penal/art_223-1-1", 60, 75_000),
    E("KR", "covert_filming", ("minor_victim",), "specific_offence", "kr/ypa/art_11__para_1", "open",
      why="YPA 11(1): life or at least 5 years for making child sexual exploitation material"),
    E("KR", "distribution_covert", ("minor_victim",), "specific_offence", "kr/ypa/art_11__para_3", "open"),
    E("KR", "distribution_for_profit", ("online",), "specific_offence", "kr/sca/art_14__para_3", "open"),
    E("KR", "possession_viewing", ("minor_victim",), "specific_offence", "kr/ypa/art_11__para_5", "open"),
    E("KR", "threat_to_distribute", ("minor_victim",), "specific_offence", "kr/ypa/art_11-2__para_1", "open"),
    E("KR", "coercion_with_images", ("minor_victim",), "specific_offence", "kr/ypa/art_11-2__para_2", "open"),
    E("CN", "covert_filming", ("special_equipment",), "administrative_sanction", "cn/psapl-2025/art_70", None, 3_000, 5),  # noqa: E501
    E("CN", "covert_filming", ("relatively_serious",), "administrative_sanction", "cn/psapl-2025/art_50__item_6",
      None, 1_000, 10),
    E("CN", "distribution_covert", ("obscene_material",), "administrative_sanction", "cn/psapl-2025/art_80",
      None, 5_000, 15, why="without a quantity the criminal threshold of CL 364(1) cannot be decided"),
    E("CN", "distribution_covert", ("obscene_material", "online"), "general_offence", "cn/criminal-law/art_364__para_1",
      24, quantities=(("members", 100_000),), why="2010 interpretation: a group of 30 or more members is serious"),
    E("CN", "threat_to_distribute", ("property_demanded",), "general_offence", "cn/criminal-law/art_274", 36),
    E("CN", "threat_to_distribute", ("repeated_conduct",), "administrative_sanction", "cn/psapl-2025/art_50__item_5",
      None, 1_000, 5, why="repeated threatening messages (多次发送恐吓信息)"),
    E("CN", "coercion_with_images", ("property_demanded",), "general_offence", "cn/criminal-law/art_274", 36),
    E("CN", "device_trade", ("serious",), "specific_offence", "cn/criminal-law/art_283", 84),
    E("CN", "distribution_consensual", ("serious",), "general_offence", "cn/criminal-law/art_246", 36),
    E("FR", "distribution_consensual", ("minor_victim",), "specific_offence", "fr/code-penal/art_227-23__para_2",
      60, 75_000),
    E("KR", "distribution_consensual", ("minor_victim",), "specific_offence", "kr/ypa/art_11__para_3", "open"),
    E("CN", "distribution_for_profit", ("obscene_material", "online"), "general_offence",
      "cn/criminal-law/art_363__para_1", "open", quantities=(("members", 100_000),),
      why="363(1) for profit: 'especially serious' from 5,000 members (2004 interpretation): 10 years to life"),
    E("FR", "distribution_for_profit", ("minor_victim",), "specific_offence", "fr/code-penal/art_227-23__para_2",
      60, 75_000),
    E("CN", "deepfake_creation", ("obscene_material",), "administrative_sanction", "cn/psapl-2025/art_80", None,
      5_000, 15),
    E("FR", "deepfake_creation", ("minor_victim",), "specific_offence", "fr/code-penal/art_227-23__para_1", 60, 75_000),
    E("KR", "deepfake_creation", ("minor_victim",), "specific_offence", "kr/ypa/art_11__para_1", "open"),
    E("CN", "deepfake_distribution", ("serious",), "general_offence", "cn/criminal-law/art_246", 36),
    E("KR", "deepfake_distribution", ("minor_victim",), "specific_offence", "kr/ypa/art_11__para_3", "open"),
    E("CN", "group_administration", ("relatively_serious",), "administrative_sanction",
      "cn/cybersecurity-law-2025/art_68", None, 500_000, 15),
    E("FR", "group_administration", ("platform_operator",), "general_offence", "fr/code-penal/art_323-3-2", 60,
      150_000, why="323-3-2 (loi 2023-22): operators of an online platform that knowingly allows illicit exchanges"),
    E("JP", "distribution_covert", ("to_the_public",), "specific_offence", "jp/satsuei/art_3__para_2", 60, 5_000_000),
    E("JP", "possession_viewing", ("minor_victim",), "specific_offence", "jp/child-porn-act/art_7__para_1",
      12, 1_000_000),
    E("JP", "threat_to_distribute", ("property_demanded",), "general_offence", "jp/penal-code/art_249__para_1", 120),
    E("TW", "covert_filming", ("minor_victim",), "specific_offence", "tw/csepa/art_36__para_1", 84, 1_000_000),
    E("TW", "coercion_with_images", ("sexual_act_demanded",), "specific_offence", "tw/criminal-code/art_319-2__para_1",
      60, 500_000),
    E("TW", "deepfake_creation", ("intent_to_distribute",), "specific_offence", "tw/criminal-code/art_319-4__para_1",
      60, 500_000),
    E("US", "threat_to_distribute", ("minor_victim",), "specific_offence",
      "us/usc-47-223h/sec_223__subsec_h__para_6__subpara_a", 36),
    E("US", "deepfake_distribution", ("online",), "specific_offence", "us/usc-47-223h/sec_223__subsec_h__para_3", 24),
    E("AU", "deepfake_distribution", ("online",), "specific_offence", "au/criminal-code/s_474-17a", 72,
      why="s. 474.17A as substituted by the Deepfake Sexual Material Act 2024: 6 years; a fine of 360 penalty units"
          " (Crimes Act s. 4B(2)), whose value from 2026-07-01 was not read in a named source: no ceiling"),
    # England and Wales: the purpose elements, minor victims, demands for property, and the network offence before 2024.
    # s. 67A is one provision whose two purposes (s. 67A(3)(a), (b)) form one applies_when_any group: either applies it.
    E("GB-EAW", "covert_filming", ("sexual_gratification_purpose",), "specific_offence",
      "gb-eaw/soa-2003/s_67a", 24, why="s. 67 and s. 67A (purpose (3)(a)) both 2 years; s. 67A is listed first"),
    E("GB-EAW", "covert_filming", ("intent_to_cause_distress",), "specific_offence",
      "gb-eaw/soa-2003/s_67a", 24, why="s. 67A(3)(b): upskirting to humiliate, alarm or distress"),
    E("GB-EAW", "covert_filming", ("intent_to_cause_distress",), "specific_offence", "gb-eaw/soa-2003/s_67a", 24,
      on=D(2020, 1, 1), why="s. 67A from 2019-04-12: the distress purpose alone suffices; s. 67 does not reach it"),
    E("GB-EAW", "distribution_covert", ("intent_to_cause_distress",), "specific_offence",
      "gb-eaw/soa-2003/s_66b__para_2", 24),
    E("GB-EAW", "distribution_consensual", ("sexual_gratification_purpose",), "specific_offence",
      "gb-eaw/soa-2003/s_66b__para_3", 24),
    E("GB-EAW", "covert_filming", ("minor_victim",), "specific_offence", "gb-eaw/pca-1978/s_1", 120,
      why="PCA 1978 s. 1: taking an indecent photograph of a child, 10 years on indictment"),
    E("GB-EAW", "possession_viewing", ("minor_victim",), "specific_offence", "gb-eaw/cja-1988/s_160", 60),
    E("GB-EAW", "threat_to_distribute", ("property_demanded",), "specific_offence", "gb-eaw/theft-act-1968/s_21", 168,
      why="blackmail, indictment only, 14 years"),
    E("GB-EAW", "distribution_consensual", ("online",), "general_offence", "gb-eaw/ca-2003/s_127__para_1", 6, 5_000,
      on=D(2012, 1, 1), why="before s. 33 (2015) and s. 66B (2024) only s. 127(1) reached sharing over a network"),
    # Canada: s. 163.1 (minors), s. 163(1) (obscene matter), S.C. 2011, c. 4 s. 10 (repeat conviction); texts as above.
    E("CA", "covert_filming", ("minor_victim",), "specific_offence", "ca/criminal-code/s_163-1__subsec_2", 168,
      why="s. 163.1(2) since 2015-07-17: indictable only, 1 to 14 years"),
    E("CA", "possession_viewing", ("minor_victim",), "specific_offence", "ca/criminal-code/s_163-1__subsec_4", 120),
    E("CA", "deepfake_distribution", ("minor_victim",), "specific_offence", "ca/criminal-code/s_163-1__subsec_3", 168,
      why="child sexual abuse material includes depictions made by any means"),
    E("CA", "deepfake_creation", ("obscene_material",), "general_offence", "ca/criminal-code/s_163__subsec_1", 24),
    E("CA", "platform_duty", ("minor_victim",), "specific_offence", "ca/mandatory-reporting-act/s_10", None, 1_000),
    E("CA", "platform_duty", ("minor_victim", "repeat_conviction"), "specific_offence",
      "ca/mandatory-reporting-act/s_10", None, 5_000,
      why="second offence of an individual; corporate fines (10,000 to 100,000 dollars) not coded"),
    E("CA", "distribution_consensual", (), "not_covered", on=D(2014, 1, 1), why="s. 162.1 in force 2015-03-09"),
    E("CA", "possession_viewing", ("minor_victim",), "specific_offence", "ca/criminal-code/s_163-1__subsec_4", 60,
      on=D(2013, 1, 1), why="5 years on indictment until the 2015 Act raised it to 10"),
    E("CA", "distribution_covert", (), "specific_offence", "ca/criminal-code/s_162__subsec_4", 60, on=D(2014, 1, 1),
      why="before s. 162.1 (2015-03-09) only s. 162(4) reached sharing covert recordings of adults"),
    E("CA", "distribution_covert", ("minor_victim",), "specific_offence", "ca/criminal-code/s_163-1__subsec_3", 120,
      on=D(2013, 1, 1), why="S.C. 2012 c. 1 s. 17: 10 years on indictment (summary 2 years less a day) to 2015-07-16"),
    E("CA", "covert_filming", ("minor_victim",), "specific_offence", "ca/criminal-code/s_163-1__subsec_2", 120,
      on=D(2011, 1, 1), why="S.C. 2005 c. 32 s. 7(2): 10 years, minimum 1 year, on indictment"),
    E("CA", "coercion_with_images", (), "general_offence", "ca/criminal-code/s_346", None, on=D(2011, 1, 1),
      why="extortion reaches a demand for sexual acts or images (R. v. Davis, [1999] 3 S.C.R. 759)"),
    # s. 346 needs a demand of anything (demand_made): a demand of money or of sexual acts is extortion alike, and so
    # is the plain case (sextortion carries a demand of something, as for France's art. 312-10).
    E("CA", "threat_to_distribute", ("property_demanded",), "general_offence", "ca/criminal-code/s_346", None,
      why="a demand of money: s. 346, as for any demand"),
    E("CA", "threat_to_distribute", ("sexual_act_demanded",), "general_offence", "ca/criminal-code/s_346", None,
      why="sexual favours are 'anything' (R. v. Davis, [1999] 3 S.C.R. 759)"),
    E("KR", "deepfake_creation", (), "not_covered", on=D(2022, 1, 1),
      why="SCA 14-2(1) needed a purpose of distribution until Act No. 20459 (2024-10-16)"),
    E("CN", "victim_doxxing", (), "general_offence", "cn/criminal-law/art_253-1", 36,
      quantities=(("records", 5_000),), why="2017 interpretation: 5,000 records of personal information is serious"),
    # India (see the PLAIN block for where the texts were read).
    E("IN", "covert_filming", ("female_victim",), "specific_offence", "in/bns/s_77", 36,
      why="BNS s. 77 (victim a woman): 1 to 3 years and a fine, above s. 66E's 3 years or fine"),
    E("IN", "covert_filming", ("female_victim", "repeat_conviction"), "specific_offence", "in/bns/s_77", 84,
      why="second or subsequent conviction: 3 to 7 years and a fine"),
    E("IN", "covert_filming", ("female_victim", "male_offender"), "specific_offence", "in/ipc/s_354c", 36,
      on=D(2020, 1, 1), why="IPC s. 354C (2013-02-03 to 2024-06-30): 'any man' filming a woman, 1 to 3 years"),
    E("IN", "covert_filming", ("female_victim",), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      on=D(2020, 1, 1), why="s. 354C reached only a male offender; s. 66E is gender-neutral"),
    E("IN", "covert_filming", ("minor_victim",), "specific_offence", "in/it-act/s_67b", 60, 1_000_000),
    E("IN", "covert_filming", ("minor_victim", "sexual_gratification_purpose"), "specific_offence",
      "in/pocso/s_14__subsec_1", "open", why="POCSO s. 14(1) as substituted in 2019: at least 5 years and a fine"),
    E("IN", "distribution_covert", ("online", "sexually_explicit_act"), "specific_offence", "in/it-act/s_67a", 60,
      1_000_000, why="s. 67A: transmitting a sexually explicit act in electronic form, 5 years and 10 lakh rupees"),
    E("IN", "distribution_covert", ("online", "sexually_explicit_act", "repeat_conviction"), "specific_offence",
      "in/it-act/s_67a", 84, 1_000_000),
    E("IN", "distribution_covert", ("online",), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      why="a nude image showing no sexual act is outside s. 67A; s. 66E (transmitting a private area)"),
    E("IN", "distribution_consensual", ("to_the_public",), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      why="s. 66E publishing: made available to the public in print or electronic form"),
    E("IN", "distribution_consensual", ("online",), "specific_offence", "in/it-act/s_66e", 36, 200_000,
      why="s. 66E transmitting: sent electronically for viewing"),
    E("IN", "deepfake_distribution", ("online", "sexually_explicit_act"), "specific_offence", "in/it-act/s_67a", 60,
      1_000_000, why="a synthetic image showing a sexual act, published or transmitted electronically"),
    E("IN", "deepfake_distribution", ("obscene_material",), "general_offence", "in/bns/s_294", 24, 5_000),
    E("IN", "deepfake_distribution", ("obscene_material",), "general_offence", "in/ipc/s_292", 24, 2_000,
      on=D(2020, 1, 1)),
    E("IN", "threat_to_distribute", (), "general_offence", "in/ipc/s_506", 24, on=D(2020, 1, 1)),
    E("IN", "threat_to_distribute", ("property_demanded",), "general_offence", "in/bns/s_308__subsec_2", 84,
      why="BNS s. 308(2) extortion: 7 years (IPC s. 384: 3 years)"),
    E("IN", "threat_to_distribute", ("property_demanded",), "general_offence", "in/ipc/s_384", 36, on=D(2020, 1, 1)),
    E("IN", "possession_viewing", ("minor_victim",), "specific_offence", "in/it-act/s_67b", 60, 1_000_000,
      why="s. 67B(b): collecting, browsing or downloading material depicting children"),
    E("IN", "possession_viewing", ("minor_victim", "intent_to_distribute"), "specific_offence", "in/it-act/s_67b",
      60, 1_000_000, why="POCSO s. 15(1) (fine) and s. 15(2) (3 years) apply too but are lighter"),
    E("IN", "possession_viewing", ("minor_victim", "for_profit"), "specific_offence", "in/pocso/s_15__subsec_3", 60,
      why="POCSO s. 15(3): 3 to 5 years (the minimum ranks it above s. 67B's 5 years)"),
    # -- Germany (texts as for PLAIN) ---------------------------------------------------------------------------
    E("DE", "distribution_covert", ("minor_under_14",), "specific_offence", "de/stgb/art_184b__para_1", 120,
      why="184b(1) since 2024-06-28: 6 months to 10 years"),
    E("DE", "distribution_covert", ("minor_victim",), "specific_offence", "de/stgb/art_184c__para_1", 36,
      fine=DAY_FINE),
    E("DE", "possession_viewing", ("minor_under_14",), "specific_offence", "de/stgb/art_184b__para_3", 60),
    E("DE", "possession_viewing", ("minor_victim",), "specific_offence", "de/stgb/art_184c__para_3", 24, fine=DAY_FINE),
    E("DE", "distribution_covert", ("minor_under_14", "for_profit", "habitual"), "specific_offence",
      "de/stgb/art_184b__para_1", 180, why="184b(2) gewerbsmäßig: not under 2 years, § 38(2) maximum 15 years"),
    E("DE", "distribution_covert", ("minor_victim", "organised_group"), "specific_offence", "de/stgb/art_184c__para_1",
      60, why="184c(2) gang: 3 months to 5 years"),
    E("DE", "threat_to_distribute", ("property_demanded",), "general_offence", "de/stgb/art_253__para_1", 60,
      fine=DAY_FINE),
    E("DE", "threat_to_distribute", ("to_the_public",), "general_offence", "de/stgb/art_241__para_1", 24,
      why="241(4): publicly or by disseminating content, 2 y", fine=DAY_FINE),
    E("DE", "coercion_with_images", ("attempt",), "general_offence", "de/stgb/art_240__para_1", 36,
      why="240(3): attempt punishable, statutory range", fine=DAY_FINE),
    E("DE", "coercion_with_images", ("sexual_act_demanded",), "general_offence", "de/stgb/art_177__para_2", 60,
      why="177(2) no. 5 since 2016-11-10: 6 months to 5 years"),
    E("DE", "coercion_with_images", ("sexual_act_demanded",), "general_offence", "de/stgb/art_240__para_1", 60,
      on=D(2015, 6, 1), why="before 2016-11-10: 240(4) no. 1 regular example, 6 months to 5 years"),
    E("DE", "coercion_with_images", ("abuse_of_authority",), "general_offence", "de/stgb/art_240__para_1", 60),
    E("DE", "threat_to_distribute", (), "not_covered", on=D(2020, 6, 1),
      why="241 reached only threats of a felony before 2021-04-03"),
    E("DE", "distribution_covert", ("minor_under_14",), "specific_offence", "de/stgb/art_184b__para_1", 120,
      on=D(2022, 6, 1), why="184b(1) 2021-07-01 to 2024-06-27: 1 to 10 years"),
    E("DE", "possession_viewing", ("minor_under_14",), "specific_offence", "de/stgb/art_184b__para_4", 24,
      on=D(2014, 6, 1), why="184b(4) before 2015-01-27: 2 y or day fine", fine=DAY_FINE),
    E("DE", "distribution_consensual", (), "specific_offence", "de/stgb/art_201a__para_3", 12, on=D(2012, 6, 1),
      fine=DAY_FINE),
    E("DE", "device_trade", (), "specific_offence", "de/tkg-2004/art_148__para_1", 24, on=D(2015, 1, 1), fine=DAY_FINE),
    E("DE", "platform_duty", (), "administrative_sanction", "de/netzdg/art_4__para_2", None, 5_000_000,
      on=D(2020, 1, 1)),
    E("DE", "group_administration", ("minor_victim",), "specific_offence", "de/stgb/art_127__para_1", 60,
      why="127(1): platform for 184c(1) offences, 5 y or day fine", fine=DAY_FINE),
    E("DE", "group_administration", ("minor_under_14",), "specific_offence", "de/stgb/art_127__para_1", 120,
      on=D(2022, 6, 1), why="127(4) while 184b(1) distribution was a felony (2021-07-01 to 2024-06-27): 1 to 10 y"),
    E("DE", "victim_doxxing", (), "unknown", on=D(2020, 6, 1)),
    E("DE", "distribution_covert", ("reputation_damage",), "specific_offence", "de/stgb/art_201a__para_2", 24,
      why="201a(2): images apt to damage the victim's reputation considerably, wherever taken; same 2 y as 201a(1)",
      fine=DAY_FINE),
    E("DE", "distribution_consensual", (), "specific_offence", "de/stgb/art_201a__para_1", 24, on=D(2018, 6, 1),
      why="201a(1) no. 4 in the 2015-2020 text (official XML of 2020-08-31): 2 y or day fine", fine=DAY_FINE),
    E("DE", "distribution_for_profit", ("minor_victim",), "specific_offence", "de/stgb/art_184c__para_1", 36,
      on=D(2018, 6, 1), why="184c(1) 2015-2020: 3 y or day fine; 201a(3) (nude images for payment) 2 y", fine=DAY_FINE),
]

HISTORY = [
    # Korea before, between and after the two reforms of SCA art. 14 (Acts No. 15977 and 17264).
    E("KR", "covert_filming", (), "specific_offence", "kr/sca/art_14__para_1", 60, 10_000_000, on=D(2018, 6, 1)),
    E("KR", "covert_filming", (), "specific_offence", "kr/sca/art_14__para_1", 60, 30_000_000, on=D(2019, 6, 1)),
    E("KR", "covert_filming", (), "specific_offence", "kr/sca/art_14__para_1", 84, 50_000_000, on=D(2021, 1, 1)),
    E("KR", "possession_viewing", (), "not_covered", on=D(2019, 6, 1)),
    E("KR", "possession_viewing", (), "specific_offence", "kr/sca/art_14__para_4", 36, 30_000_000, on=D(2021, 1, 1)),
    # France: sexual deepfakes before and after loi 2024-449.
    E("FR", "deepfake_distribution", (), "general_offence", "fr/code-penal/art_226-8", 12, 15_000, on=D(2024, 1, 1)),
    E("FR", "deepfake_distribution", (), "specific_offence", "fr/code-penal/art_226-8-1", 24, 60_000, on=D(2025, 6, 1)),
    # England and Wales: "revenge porn" before s. 33, under s. 33 (intent to cause distress) and under s. 66B.
    E("GB-EAW", "distribution_consensual", (), "not_covered", on=D(2016, 1, 1)),
    E("GB-EAW", "distribution_consensual", ("intent_to_cause_distress",), "specific_offence",
      "gb-eaw/cjca-2015/s_33", 24,
      on=D(2016, 1, 1)),
    E("GB-EAW", "threat_to_distribute", ("intent_to_cause_distress",), "specific_offence", "gb-eaw/cjca-2015/s_33", 24,
      on=D(2022, 1, 1), why="threats added to s. 33 by the Domestic Abuse Act 2021 from 2021-06-29"),
    E("GB-EAW", "deepfake_creation", (), "not_covered", on=D(2025, 1, 1)),
    # England and Wales: filming without a proven purpose before the Crime and Policing Act 2026, and filming to
    # distress before s. 67A (12 April 2019): s. 67 needs the purpose of sexual gratification.
    E("GB-EAW", "covert_filming", (), "not_covered", on=D(2025, 1, 1)),
    E("GB-EAW", "covert_filming", ("intent_to_cause_distress",), "not_covered", on=D(2018, 1, 1)),
    E("GB-EAW", "covert_filming", ("sexual_gratification_purpose",), "specific_offence", "gb-eaw/soa-2003/s_67", 24,
      on=D(2018, 1, 1), why="s. 67 (voyeurism): 2 years on indictment"),
    # China: the PSAPL revision raised the fine for covert filming from 500 to 1,000 yuan on 2026-01-01.
    E("CN", "covert_filming", (), "administrative_sanction", "cn/psapl-2005/art_42__item_6", None, 500, 5,
      on=D(2025, 12, 31)),
    E("CN", "covert_filming", (), "administrative_sanction", "cn/psapl-2025/art_50__item_6", None, 1_000, 5,
      on=D(2026, 1, 1)),
]
# fmt: on


def _case_id(expected: Expected) -> str:
    extra = "+".join((*expected.facts, *(f"{m}={n}" for m, n in expected.quantities)))
    return f"{expected.code}-{expected.conduct}{'+' + extra if extra else ''}@{expected.on}"


@pytest.mark.filterwarnings("ignore::policykit.StaleDataWarning")
@pytest.mark.parametrize("expected", PLAIN + AGGRAVATED + HISTORY, ids=_case_id)
def test_hand_checked_answers(bundled: policykit.Dataset, expected: Expected) -> None:
    case = policykit.make_case(bundled, expected.conduct, expected.facts, dict(expected.quantities))
    answer = policykit.apply(bundled, expected.code, case, expected.on)
    assert answer.status.value == expected.status
    best = answer.most_severe
    if expected.article is None:
        assert best is None
        return
    assert best is not None
    assert best.provision.id == expected.article
    assert _ceiling(best.penalty) == (expected.months, expected.fine, expected.detention_days)


def test_every_plain_case_has_a_checked_answer(bundled: policykit.Dataset) -> None:
    """A new jurisdiction or conduct needs its hand-checked plain answers here."""
    checked = {(e.code, e.conduct) for e in PLAIN}
    missing = [
        (code, conduct)
        for code in bundled.jurisdictions
        for conduct in bundled.conducts
        if (code, conduct) not in checked
    ]
    assert not missing, f"add hand-checked plain cases to PLAIN for: {missing}"


# -- the rules, on fixture data ------------------------------------------------------------------------------


def test_a_condition_every_instance_meets_never_narrows(bundled: policykit.Dataset) -> None:
    case = policykit.plain_case(bundled, "deepfake_distribution")
    assert "sexual_content" in case.facts
    answer = policykit.apply(bundled, "FR", case, D(2025, 6, 1))
    assert [found.provision.id for found in answer.applicable][:2] == [
        "fr/code-penal/art_226-8-1",
        "fr/code-penal/art_226-8",
    ]


def test_a_provision_that_needs_a_missing_fact_is_what_raises_it(bundled: policykit.Dataset) -> None:
    answer = policykit.apply(bundled, "FR", policykit.plain_case(bundled, "threat_to_distribute"), AS_OF)
    assert "fr/code-penal/art_312-11" not in {found.provision.id for found in answer.applicable}
    raised = {found.fact: found.provision.id for found in answer.raises}
    assert raised["threat_carried_out"] == "fr/code-penal/art_312-11"


def test_raises_are_heavier_than_the_answer_and_one_per_fact(bundled: policykit.Dataset) -> None:
    for code in bundled.jurisdictions:
        for conduct in bundled.conducts:
            answer = policykit.apply(bundled, code, policykit.plain_case(bundled, conduct), AS_OF)
            facts = [(found.fact, bool(found.thresholds)) for found in answer.raises]
            assert len(facts) == len(set(facts)), (code, conduct)
            for found in answer.raises:
                assert found.fact not in answer.case.facts
                if answer.most_severe is not None:
                    assert found.severity > answer.most_severe.severity, (code, conduct, found.fact)
            severities = [found.severity for found in answer.raises]
            assert severities == sorted(severities, reverse=True)


def test_applicable_provisions_come_most_severe_first(bundled: policykit.Dataset) -> None:
    case = policykit.make_case(bundled, "distribution_covert", ["obscene_material", "online"], {"members": 100_000})
    answer = policykit.apply(bundled, "CN", case, AS_OF)
    severities = [found.severity for found in answer.applicable]
    assert severities == sorted(severities, reverse=True)
    assert {found.provision.liability.value for found in answer.applicable} >= {"criminal", "administrative"}
    (criminal,) = [found for found in answer.applicable if found.provision.id == "cn/criminal-law/art_364__para_1"]
    assert {threshold.minimum for threshold in criminal.thresholds_met} == {30, 400}


def test_quantities_below_every_threshold_leave_the_threshold_as_what_raises_it(bundled: policykit.Dataset) -> None:
    case = policykit.make_case(bundled, "distribution_covert", ["obscene_material"], {"members": 10})
    answer = policykit.apply(bundled, "CN", case, AS_OF)
    assert answer.most_severe is not None
    assert answer.most_severe.provision.id == "cn/psapl-2025/art_80"
    (found,) = [found for found in answer.raises if found.provision.id == "cn/criminal-law/art_364__para_1"]
    assert found.fact == "serious"
    assert {threshold.measure.value for threshold in found.thresholds} >= {"members", "video_files", "clicks"}


def test_an_attempt_is_answered_only_through_attempt_tiers(bundled: policykit.Dataset) -> None:
    korea = policykit.apply(bundled, "KR", policykit.make_case(bundled, "covert_filming", ["attempt"]), AS_OF)
    assert korea.most_severe is not None
    assert korea.most_severe.tier is not None
    assert "attempt" in korea.most_severe.tier.factors
    france = policykit.apply(bundled, "FR", policykit.make_case(bundled, "covert_filming", ["attempt"]), AS_OF)
    assert france.most_severe is None
    assert france.status is CoverageStatus.UNKNOWN
    assert {found.fact for found in france.undecided} == {"attempt"}
    assert france.reason is not None


def test_habitual_offending_is_an_increase_not_a_penalty(bundled: policykit.Dataset) -> None:
    answer = policykit.apply(bundled, "KR", policykit.make_case(bundled, "covert_filming", ["habitual"]), AS_OF)
    assert answer.most_severe is not None
    assert answer.most_severe.provision.id == "kr/sca/art_14__para_1"
    assert [found.provision.id for found in answer.increases] == ["kr/sca/art_14__para_5"]


def test_implied_facts_and_bad_cases(bundled: policykit.Dataset) -> None:
    case = policykit.make_case(bundled, "covert_filming", ["minor_under_15"])
    assert {"minor_under_15", "minor_victim", "sexual_content"} <= case.facts
    with pytest.raises(policykit.UnknownIdError, match="unknown fact 'minor'"):
        policykit.make_case(bundled, "covert_filming", ["minor"])
    with pytest.raises(policykit.ArgumentTypeError, match="found the single text 'online'"):
        policykit.make_case(bundled, "covert_filming", "online")
    with pytest.raises(policykit.CaseError, match="both added and removed"):
        policykit.make_case(bundled, "covert_filming", ["online"], without=["online"])
    with pytest.raises(policykit.CaseError, match="implies it"):
        policykit.make_case(bundled, "covert_filming", ["minor_under_15"], without=["minor_victim"])
    with pytest.raises(policykit.UnknownIdError, match="unknown quantity 'group_members'"):
        policykit.make_case(bundled, "covert_filming", quantities={"group_members": 3})
    with pytest.raises(policykit.CaseError, match="whole number"):
        policykit.make_case(bundled, "covert_filming", quantities={"members": -1})


def test_removing_a_plain_fact(bundled: policykit.Dataset) -> None:
    case = policykit.make_case(bundled, "covert_filming", without=["sexual_content"])
    answer = policykit.apply(bundled, "FR", case, AS_OF)
    assert answer.most_severe is not None
    assert answer.most_severe.provision.id == "fr/code-penal/art_226-1"


def test_tier_rows_add_one_fact_and_change_an_answer(minimal: policykit.Dataset) -> None:
    table = policykit.compare(minimal, on=D(2016, 1, 1), tiers=policykit.TierMode.ALL)
    base = {row.conduct: row for row in table.rows if row.added_fact is None}
    for row in table.rows:
        if row.added_fact is None:
            continue
        assert row.case.facts - base[row.conduct].case.facts >= {row.added_fact}
        assert any(
            cell.answer.applicable != first.answer.applicable or cell.status != first.status
            for cell, first in zip(row.cells, base[row.conduct].cells, strict=True)
        )


def test_every_table_prints_its_case(minimal: policykit.Dataset) -> None:
    table = policykit.compare(minimal, ["covert_filming"], on=D(2016, 1, 1), facts=["online"])
    text = render_comparison(minimal, table)
    assert "Case: adult victim, via an information network" in text
    french = render_comparison(minimal, table, lang="fr")
    assert re.search(r"Cas\s: victime majeure", french)


def test_json_cell_lists_what_applies_and_the_case(bundled: policykit.Dataset) -> None:
    table = policykit.compare(bundled, ["distribution_covert"], ["CN"], AS_OF, facts=["obscene_material", "online"],
                              quantities={"members": 100_000})  # fmt: skip
    document = json.loads(render_comparison(bundled, table, "json"))
    assert document["metadata"]["case"] == {
        "facts_added": ["obscene_material", "online"],
        "facts_removed": [],
        "quantities": {"members": 100_000},
    }
    (row,) = document["rows"]
    assert set(row["case"]["facts"]) == {"obscene_material", "online", "sexual_content"}
    (cell,) = row["cells"]
    assert cell["applicable"][0]["provision_id"] == "cn/criminal-law/art_364__para_1"
    assert cell["applicable"][0]["conditions_met"] == ["obscene_material"]
    assert {t["minimum"] for t in cell["applicable"][0]["thresholds_met"]} == {30, 400}
    assert any(raised["fact"] == "for_profit" for raised in cell["raised_by"])


# -- the command line ------------------------------------------------------------------------------------------


def test_cli_named_case_and_facts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--case", "maskpark", "--fact", "obscene_material", "--as-of", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "General offence: imprisonment up to 2 years" in out
    assert "(CL art. 364(1))" in out
    assert "100,000 group members" in out
    assert main(["compare", "--conduct", "threat_to_distribute", "--jurisdiction", "FR", "--as-of", "2026-11-21",
                 "--fact", "threat_carried_out", "--format", "json"]) == 0  # fmt: skip
    document = json.loads(capsys.readouterr().out)
    assert document["rows"][0]["cells"][0]["article"] == "312-11"


def test_cli_keeps_the_jurisdiction_order_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--conduct", "covert_filming", "--jurisdiction", "KR", "--jurisdiction", "CN",
                 "--as-of", "2026-11-21", "--format", "csv"]) == 0  # fmt: skip
    assert capsys.readouterr().out.splitlines()[0].startswith("Conduct,KR,CN,")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--case", "nope"], "unknown case 'nope'"),
        (["--case", "maskpark", "--conduct", "covert_filming"], "give --case or --conduct, not both"),
        (["--fact", "minor"], "unknown fact 'minor'"),
        (["--quantity", "members"], "expected MEASURE=N"),
        (["--quantity", "members=many"], "expected a whole number"),
        (["--fact", "online", "--without", "online"], "both added and removed"),
    ],
)
def test_cli_bad_cases_are_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["compare", *argv])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def test_a_group_of_conditions_needs_one_of_its_facts(tmp_path: Path) -> None:
    """`applies_when_any`: the provision applies when one fact of the group holds, and each fact of the group is
    what would raise a case that has none of them."""
    root = tmp_path / "data"
    shutil.copytree(MINIMAL, root)
    path = root / "xa" / "instruments" / "penal-act.yaml"
    text = path.read_text(encoding="utf-8")
    grouped = "    conducts: [covert_filming]\n    applies_when_any: [[online, public_transport]]\n"
    path.write_text(text.replace("    conducts: [covert_filming]\n", grouped, 1), encoding="utf-8")
    # Art. 3 no longer reaches the plain case, so the data must say what holds then.
    jurisdiction = root / "xa" / "jurisdiction.yaml"
    statement = "      to: 2011-12-31\n"
    jurisdiction.write_text(jurisdiction.read_text(encoding="utf-8").replace(statement, "", 1), encoding="utf-8")
    data = policykit.load(root)
    assert data.provisions["xa/penal-act/art_3"].versions[-1].applies_when_any == (("online", "public_transport"),)
    on = D(2016, 1, 1)
    plain = policykit.apply(data, "XA", policykit.plain_case(data, "covert_filming"), on)
    assert "xa/penal-act/art_3" not in {found.provision.id for found in plain.applicable}
    assert {"online", "public_transport"} <= {found.fact for found in plain.raises}
    for fact in ("online", "public_transport"):
        answer = policykit.apply(data, "XA", policykit.make_case(data, "covert_filming", facts=[fact]), on)
        (found,) = [item for item in answer.applicable if item.provision.id == "xa/penal-act/art_3"]
        assert fact in found.conditions_met
    # Written back by the canonical writer as it was read.
    from policykit.writing import canonical_files

    files = canonical_files(root)
    assert any("applies_when_any" in content for content in files.values())


def test_a_bare_threat_is_not_blackmail(bundled: policykit.Dataset) -> None:
    """Sextortion's plain case carries a demand (`demand_made`); without one, blackmail and extortion, which need
    a demand of something, do not apply, and the demand is what would raise the answer."""
    case = policykit.make_case(bundled, "threat_to_distribute", without=["demand_made"])
    for code, blackmail in (("FR", "fr/code-penal/art_312-10"), ("CA", "ca/criminal-code/s_346")):
        answer = policykit.apply(bundled, code, case, AS_OF)
        assert blackmail not in {found.provision.id for found in answer.applicable}
        assert (blackmail, "demand_made") in {(found.provision.id, found.fact) for found in answer.raises}
