/**
 * The 005010X220A1 code lists of the elements the 834 reader checks, and the segment ids the guide
 * knows. A value outside its list is a syntax error the 999 reports (IK403 `7`); a listed code the
 * app does not handle (a parent, INS02 `03`) is not: the member is refused with a reason instead.
 */

const list = (codes: string): ReadonlySet<string> => new Set(codes.split(','));

export const codeLists834 = {
  /** INS01 member indicator. */
  ins01: list('N,Y'),
  /** INS02 individual relationship code (element 1069). */
  ins02: list('01,03,04,05,06,07,08,09,10,11,12,13,14,15,16,17,18,19,23,24,25,26,31,38,53,60,D2,G8,G9'),
  /** INS03 and HD01 maintenance type code (element 875). */
  ins03: list('001,021,024,025,030'),
  hd01: list('001,002,021,024,025,026,030,032'),
  /** INS05 benefit status code: `T` is TEFRA, not "terminated". */
  ins05: list('A,C,S,T'),
  /** INS06-01 Medicare plan code. */
  ins0601: list('A,B,C,D,E'),
  /** INS08 employment status code. */
  ins08: list('AC,AO,AU,FT,L1,PT,RT,TE'),
  /** BGN08 action code: `2` change file, `4` verify (full file), `RX` replace. */
  bgn08: list('2,4,RX'),
  hd03: list('AG,AH,AJ,AK,DCP,DEN,EPO,FAC,HE,HLT,HMO,LTC,LTD,MM,MOD,PDG,POS,PPO,PRA,STD,UR,VIS'),
  hd05: list('CHD,DEP,E1D,E2D,E3D,E5D,E6D,E7D,E8D,E9D,ECH,EMP,ESP,FAM,IND,SPC,SPO,TWO'),
  dmg03: list('F,M,U'),
  /** DTP02 in loop 2300, which alone admits a range. */
  coverageDateFormat: list('D8,RD8'),
} as const;

/** Every segment id of the 834 map: anything else is an unrecognized segment (IK304 `1`). */
export const segments834: ReadonlySet<string> = list('ACT,AMT,BGN,COB,DMG,DSB,DTP,EC,HD,HLH,ICM,IDC,INS,LE,LS,LUI,LX,N1,N3,N4,NM1,PER,PLA,QTY,REF');
