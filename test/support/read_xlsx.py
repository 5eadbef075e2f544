"""Reads an .xlsx workbook with Python's standard library only (zipfile, xml.etree): a reader that
shares no code with exceljs, which writes GroupDesk's workbooks. Prints JSON: for each sheet, its
frozen pane, its autofilter range and its cells (value, type, number format), so a test can check
what Excel itself would see.

Usage: python3 read_xlsx.py <file.xlsx>
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
REL = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
BUILTIN_FORMATS = {0: 'General', 14: 'mm-dd-yy', 49: '@'}


def text_of(node):
    return ''.join(t.text or '' for t in node.iter(MAIN + 't'))


def main(path):
    book = zipfile.ZipFile(path)
    names = set(book.namelist())
    shared = []
    if 'xl/sharedStrings.xml' in names:
        shared = [text_of(si) for si in ET.fromstring(book.read('xl/sharedStrings.xml')).iter(MAIN + 'si')]
    formats = {}
    cell_formats = []
    if 'xl/styles.xml' in names:
        styles = ET.fromstring(book.read('xl/styles.xml'))
        for fmt in styles.iter(MAIN + 'numFmt'):
            formats[int(fmt.get('numFmtId'))] = fmt.get('formatCode')
        xfs = styles.find(MAIN + 'cellXfs')
        for xf in ([] if xfs is None else xfs.findall(MAIN + 'xf')):
            number = int(xf.get('numFmtId', '0'))
            cell_formats.append(formats.get(number, BUILTIN_FORMATS.get(number, str(number))))
    rels = ET.fromstring(book.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels}
    workbook = ET.fromstring(book.read('xl/workbook.xml'))
    sheets = []
    for sheet in workbook.iter(MAIN + 'sheet'):
        target = targets[sheet.get(REL + 'id')].lstrip('/')
        target = target if target.startswith('xl/') else 'xl/' + target
        data = ET.fromstring(book.read(target))
        pane = data.find(f'.//{MAIN}pane')
        auto = data.find(MAIN + 'autoFilter')
        cells = {}
        for c in data.iter(MAIN + 'c'):
            kind = c.get('t', 'n')
            v = c.find(MAIN + 'v')
            if kind == 's':
                value = shared[int(v.text)]
            elif kind == 'inlineStr':
                value = text_of(c)
            elif kind == 'str':
                value = v.text if v is not None else ''
            else:
                value = None if v is None else float(v.text)
            style = int(c.get('s', '0'))
            cells[c.get('r')] = {'value': value, 'type': 'text' if kind in ('s', 'inlineStr', 'str') else 'number', 'format': cell_formats[style] if style < len(cell_formats) else 'General'}
        sheets.append({
            'name': sheet.get('name'),
            'frozen': None if pane is None else {'state': pane.get('state'), 'topLeftCell': pane.get('topLeftCell')},
            'autoFilter': None if auto is None else auto.get('ref'),
            'rows': len({re.sub(r'[A-Z]+', '', ref) for ref in cells}),
            'cells': cells,
        })
    print(json.dumps({'sheets': sheets}))


if __name__ == '__main__':
    main(sys.argv[1])
