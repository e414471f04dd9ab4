#!/usr/bin/env python3
"""make-hostile-xml.py DIR PORT — writes the hostile TMX and TBX files of
test-hostile-xml.sh into DIR. PORT is a local port where a listener counts
connections: a file that makes the importer fetch anything shows there.

Each file is small except the two "long line" files (10 MB, one line),
which are legitimate and must be imported."""
import os
import sys

out, port = sys.argv[1], sys.argv[2]
url = f"http://127.0.0.1:{port}"

TMX_HEAD = '<tmx version="1.4"><header/><body>\n'
TMX_UNIT = ('<tu><tuv xml:lang="it"><seg>Uno {0}</seg></tuv>'
            '<tuv xml:lang="en"><seg>One {0}</seg></tuv></tu>\n')
TMX_TAIL = '</body></tmx>\n'
TBX_HEAD = ('<tbx type="TBX-Basic" style="dca" xml:lang="it" '
            'xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n')
TBX_CONCEPT = ('<conceptEntry><langSec xml:lang="it"><termSec><term>termine {0}</term>'
               '</termSec></langSec><langSec xml:lang="en"><termSec><term>term {0}</term>'
               '</termSec></langSec></conceptEntry>\n')
TBX_TAIL = '</body></text></tbx>\n'

LAUGHS = '<!ENTITY lol "lol">\n' + ''.join(
    '<!ENTITY lol{0} "{1}">\n'.format(i, ('&lol{};'.format(i - 1 if i > 1 else '')) * 10)
    for i in range(1, 10))


def write(name, text):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(text.encode('utf-8') if isinstance(text, str) else text)


def document(kind, doctype='', body=''):
    """A valid file of one unit (or concept) with a DOCTYPE and more body."""
    if kind == 'tmx':
        return ('<?xml version="1.0"?>\n' + doctype + TMX_HEAD + TMX_UNIT.format(1) + body
                + TMX_TAIL)
    return '<?xml version="1.0"?>\n' + doctype + TBX_HEAD + TBX_CONCEPT.format(1) + body + TBX_TAIL


for kind, root in (('tmx', 'tmx'), ('tbx', 'tbx')):
    wrap = 'tu' if kind == 'tmx' else 'conceptEntry'
    write(f'deep.{kind}', document(kind, body=f'<{wrap}>' + '<x>' * 100000 + '</x>' * 100000
                                   + f'</{wrap}>\n'))
    # The DTD is not needed and must not be fetched: the file is imported.
    write(f'network-dtd.{kind}',
          document(kind, doctype=f'<!DOCTYPE {root} SYSTEM "{url}/{root}.dtd">\n'))
    write(f'network-entity.{kind}',
          document(kind, doctype=f'<!DOCTYPE {root} [\n<!ENTITY % remote SYSTEM "{url}/x.dtd">\n'
                                 '%remote;\n]>\n'))
    write(f'external-entity.{kind}',
          document(kind, doctype=f'<!DOCTYPE {root} [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n',
                   body=(TMX_UNIT if kind == 'tmx' else TBX_CONCEPT).format('&secret;')))
    # An entity declared only in an external DTD, which is never read.
    write(f'external-dtd.{kind}',
          document(kind, doctype=f'<!DOCTYPE {root} SYSTEM "file://{os.path.abspath(out)}/secret.dtd">\n',
                   body=(TMX_UNIT if kind == 'tmx' else TBX_CONCEPT).format('&secret;')))
    write(f'entity-bomb.{kind}',
          document(kind, doctype=f'<!DOCTYPE {root} [\n{LAUGHS}]>\n',
                   body=(TMX_UNIT if kind == 'tmx' else TBX_CONCEPT).format('&lol9;')))
    write(f'nul.{kind}', document(kind, body=(TMX_UNIT if kind == 'tmx' else TBX_CONCEPT)
                                  .format('zero\0byte')))
    # One line of 10 MB: 2,000 units and a long comment. Legitimate.
    unit = TMX_UNIT if kind == 'tmx' else TBX_CONCEPT
    units = ''.join(unit.format(i).rstrip('\n') for i in range(2, 2002))
    head = (TMX_HEAD if kind == 'tmx' else TBX_HEAD).rstrip('\n')
    tail = TMX_TAIL if kind == 'tmx' else TBX_TAIL
    padding = 10 * 1000 * 1000 - len(head) - len(units) - len(tail) - 9
    write(f'long-line.{kind}', head + units + '<!--' + 'x' * padding + '-->' + tail)

write('secret.dtd', '<!ENTITY secret SYSTEM "file:///etc/passwd">\n')
