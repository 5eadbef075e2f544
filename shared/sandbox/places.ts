/**
 * Real US city / state / ZIP combinations with their telephone area codes, so addresses look and
 * validate like the real thing (ZIP matches the city). Street numbers and names are generated;
 * phone numbers use the 555-0100…0199 block reserved for fiction, so no real line is ever dialled.
 */
export interface Place {
  city: string;
  state: string;
  zip: string;
  areaCode: string;
}

const places = (rows: string): readonly Place[] =>
  Object.freeze(
    rows
      .trim()
      .split('\n')
      .map((row) => {
        const [city = '', state = '', zip = '', areaCode = ''] = row.split('|').map((s) => s.trim());
        return Object.freeze({ city, state, zip, areaCode });
      }),
  );

/** Columbus, Ohio and its suburbs: where the demo employer's people live. */
export const centralOhio = places(`
Columbus|OH|43215|614
Columbus|OH|43201|614
Columbus|OH|43205|614
Columbus|OH|43206|614
Columbus|OH|43209|614
Columbus|OH|43214|614
Columbus|OH|43224|614
Columbus|OH|43229|614
Columbus|OH|43231|614
Dublin|OH|43017|614
Westerville|OH|43081|614
Grove City|OH|43123|614
Hilliard|OH|43026|614
Reynoldsburg|OH|43068|614
Gahanna|OH|43230|614
Worthington|OH|43085|614
Upper Arlington|OH|43221|614
Pickerington|OH|43147|614
Powell|OH|43065|614
Canal Winchester|OH|43110|614
Delaware|OH|43015|740
Lancaster|OH|43130|740
Newark|OH|43055|740
Marysville|OH|43040|937
Lewis Center|OH|43035|740
`);

/** Pittsburgh and its suburbs: the second employer. */
export const westernPennsylvania = places(`
Pittsburgh|PA|15222|412
Pittsburgh|PA|15213|412
Pittsburgh|PA|15217|412
Pittsburgh|PA|15206|412
Pittsburgh|PA|15232|412
Pittsburgh|PA|15237|412
Bethel Park|PA|15102|412
Monroeville|PA|15146|412
McKeesport|PA|15132|412
Coraopolis|PA|15108|412
Sewickley|PA|15143|412
Cranberry Township|PA|16066|724
Canonsburg|PA|15317|724
Wexford|PA|15090|724
Greensburg|PA|15601|724
`);

/** Remote employees anywhere in the country. */
export const nationwide = places(`
Chicago|IL|60601|312
Indianapolis|IN|46204|317
Detroit|MI|48226|313
Grand Rapids|MI|49503|616
Louisville|KY|40202|502
Lexington|KY|40507|859
Nashville|TN|37203|615
Atlanta|GA|30303|404
Charlotte|NC|28202|704
Raleigh|NC|27601|919
Richmond|VA|23219|804
Baltimore|MD|21201|410
Philadelphia|PA|19103|215
Milwaukee|WI|53202|414
Minneapolis|MN|55401|612
Des Moines|IA|50309|515
Omaha|NE|68102|402
Kansas City|MO|64106|816
St. Louis|MO|63101|314
Denver|CO|80202|303
Phoenix|AZ|85004|602
Tucson|AZ|85701|520
Albuquerque|NM|87102|505
Austin|TX|78701|512
Dallas|TX|75201|214
Houston|TX|77002|713
San Antonio|TX|78205|210
Seattle|WA|98101|206
Portland|OR|97204|503
Boise|ID|83702|208
Salt Lake City|UT|84101|801
Las Vegas|NV|89101|702
Sacramento|CA|95814|916
San Diego|CA|92101|619
Los Angeles|CA|90012|213
Boston|MA|02108|617
Providence|RI|02903|401
Hartford|CT|06103|860
Albany|NY|12207|518
Buffalo|NY|14202|716
Miami|FL|33130|305
Orlando|FL|32801|407
Tampa|FL|33602|813
Birmingham|AL|35203|205
New Orleans|LA|70112|504
Oklahoma City|OK|73102|405
Burlington|VT|05401|802
Honolulu|HI|96813|808
Anchorage|AK|99501|907
Cleveland|OH|44114|216
Cincinnati|OH|45202|513
Dayton|OH|45402|937
`);

/** Street names common across US towns; numbers are added by the generator. */
export const streetNames: readonly string[] = Object.freeze(
  `Main St, Oak St, Maple Ave, Cedar Ln, Elm St, Pine St, Washington Ave, Park Ave, Lake Dr, Hill Rd, Church St,
  Walnut St, Chestnut St, Spruce St, Willow Way, Sunset Blvd, Highland Ave, Ridge Rd, Meadow Ln, Forest Dr, River Rd,
  Jefferson St, Lincoln Ave, Madison Ave, Franklin St, Adams St, Jackson St, Monroe St, Center St, Broad St, High St,
  Market St, Spring St, Mill Rd, Orchard Ln, Birch Ct, Dogwood Dr, Magnolia Ave, Sycamore St, Hickory Ln, Poplar St,
  Valley View Dr, Fairview Ave, Greenwood Ave, Woodland Dr, Brookside Dr, Lakeview Ter, Country Club Rd, College Ave,
  Summit Ave, Prospect St, Pleasant St, Cherry St, Laurel Ln, Hawthorne Rd, Kingsley Pl, Martin Luther King Jr Blvd,
  Cesar Chavez Ave, Old Mill Rd, Stonegate Cir, Arbor Ct, Heritage Dr, Windsor Pl, Chapel Hill Rd, Riverside Dr`
    .split(',')
    .map((s) => s.trim()),
);

/** Unit designators for the second address line. */
export const unitPrefixes: readonly string[] = Object.freeze(['Apt', 'Unit', 'Apt', 'Ste', 'Apt', '#']);
