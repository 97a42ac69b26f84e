"""A table of right/total per damage kind and field: doc_type, number, issuer and issued_date
against the Gazette's truth (truth.jsonl), place, signer and subject against the tool's reading
of the born-digital original; then each miss. Usage: python score.py kind ... (run.sh first)."""
import json, os, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("SWEEP_SRC", os.path.join(HERE, "..", "..", "..", "shared", "realpdfs-dev"))
os.chdir(os.environ.get("SWEEP_WORK", "/tmp/sweep"))
truth = {}
for l in open(os.path.join(SRC, 'truth.jsonl')):
    d = json.loads(l); truth[d['pdf'][:-4]] = d['truth']
docs = [l.split()[0] for l in open(os.path.join(HERE, 'docs.txt'))]
base = {f: json.load(open(f'out/baseline/{f}.json'))['document'] for f in docs}
def n(s): return unicodedata.normalize('NFC', s) if isinstance(s, str) else s
F = ['doc_type', 'number', 'issuer', 'issued_date']
kinds = ['baseline'] + sys.argv[1:]
rows = []
detail = []
for k in kinds:
    cnt = {x: 0 for x in F + ['place', 'signer', 'subject']}
    tot = 0
    for f in docs:
        p = f'out/{k}/{f}.json'
        try:
            r = json.load(open(p)); d = r['document']
        except Exception as e:
            d = {}; detail.append((k, f, 'NO RECORD', str(e)[:80])); tot += 1; continue
        tot += 1
        t = truth[f]; b = base[f]
        for x in F:
            if n(d.get(x)) == n(t[x]): cnt[x] += 1
            else: detail.append((k, f, x, d.get(x), t[x]))
        if d.get('place') == b['place']: cnt['place'] += 1
        else: detail.append((k, f, 'place', d.get('place'), b['place']))
        sn = (d.get('signer') or {}).get('name')
        if n(sn) == n(b['signer']['name']): cnt['signer'] += 1
        else: detail.append((k, f, 'signer', d.get('signer'), b['signer']['name']))
        if n(d.get('subject')) == n(b['subject']): cnt['subject'] += 1
        else: detail.append((k, f, 'subject', (d.get('subject') or '')[:90], (b['subject'] or '')[:60]))
    rows.append((k, cnt, tot))
print('kind'.ljust(12), ' '.join(x[:11].ljust(11) for x in F + ['place', 'signer', 'subject']))
for k, c, t in rows:
    print(k.ljust(12), ' '.join(f'{c[x]}/{t}'.ljust(11) for x in F + ['place', 'signer', 'subject']))
print()
for d in detail: print(*d, sep=' | ')
