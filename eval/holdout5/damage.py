import json, math, os, random, subprocess, sys, glob, io, re
import numpy as np, cv2, img2pdf
from PIL import Image, ImageDraw, ImageFont, ImageFilter
# python damage.py SOURCE OUT: SOURCE holds NAME.pdf and NAME.truth.json (this folder); OUT gets
# office/, copy/ and photo/, each NAME.pdf with its truth beside it (needs pdftoppm, pdftotext,
# numpy, opencv-python, Pillow, img2pdf)
B, D = (sys.argv[1], sys.argv[2]) if len(sys.argv) > 2 else ('.', 'damaged')
FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
if not os.path.exists(FONT):
    FONT = glob.glob('/usr/share/fonts/truetype/liberation*/LiberationSans-Bold.ttf')[0]
SEAL = {'cv-snv-hatinh-thieu':'SỞ NỘI VỤ * TỈNH HÀ TĨNH *','qd-luanchuyen-quangninh':'ỦY BAN NHÂN DÂN * TỈNH QUẢNG NINH *',
 'qd-chamdut-langson':'ỦY BAN NHÂN DÂN * TỈNH LẠNG SƠN *','bc-xa-sonha':'ỦY BAN NHÂN DÂN XÃ SƠN HÀ * T. QUẢNG NGÃI *',
 'qd-tangcuong-camau':'ỦY BAN NHÂN DÂN * TỈNH CÀ MAU *','qd-syt-khanhhoa':'SỞ Y TẾ * TỈNH KHÁNH HÒA *',
 'tb-ketluan-ninhbinh':'VĂN PHÒNG UBND * TỈNH NINH BÌNH *','qd-dd-thanhhoa-tl':'SỞ NỘI VỤ * TỈNH THANH HÓA *',
 'cv-hungyen-2trang':'ỦY BAN NHÂN DÂN * TỈNH HƯNG YÊN *','qd-giahan-vinhlong':'SỞ TÀI CHÍNH * TỈNH VĨNH LONG *'}
DPI = 200

def find_name(pdf, name):
    # returns (page_index, x0,y0,x1,y1) in pixels at DPI for the signer's name (last occurrence)
    out = subprocess.run(['pdftotext','-bbox',pdf,'-'],capture_output=True,text=True).stdout
    pages = out.split('<page ')[1:]
    toks = name.split(); best=None
    for pi, pg in enumerate(pages):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', pg)
        for i in range(len(words)-len(toks)+1):
            if [w[4] for w in words[i:i+len(toks)]] == toks:
                x0=float(words[i][0]); y0=float(words[i][1]); x1=float(words[i+len(toks)-1][2]); y1=float(words[i+len(toks)-1][3])
                best=(pi, x0*DPI/72, y0*DPI/72, x1*DPI/72, y1*DPI/72)
    return best

def seal(text, r=150):
    S = 2*r+20; im = Image.new('RGBA',(S,S),(0,0,0,0)); d = ImageDraw.Draw(im); c = S/2
    red = (205,30,40,215)
    d.ellipse([c-r,c-r,c+r,c+r], outline=red, width=7); d.ellipse([c-r+14,c-r+14,c+r-14,c+r-14], outline=red, width=3)
    d.ellipse([c-r*0.55,c-r*0.55,c+r*0.55,c+r*0.55], outline=red, width=3)
    f = ImageFont.truetype(FONT, 26); n = len(text); rr = r-36
    for i,ch in enumerate(text):
        ang = -math.pi/2 - math.pi*0.95 + 2*math.pi*0.95*i/n
        ci = Image.new('RGBA',(40,40),(0,0,0,0)); ImageDraw.Draw(ci).text((20,20),ch,font=f,fill=red,anchor='mm')
        ci = ci.rotate(-math.degrees(ang)-90, resample=Image.BICUBIC)
        x = c + rr*math.cos(ang); y = c + rr*math.sin(ang)
        im.alpha_composite(ci,(int(x-20),int(y-20)))
    # star
    pts=[]
    for k in range(10):
        a=-math.pi/2+k*math.pi/5; rad=r*0.4 if k%2==0 else r*0.16
        pts.append((c+rad*math.cos(a), c+rad*math.sin(a)))
    d.polygon(pts, fill=red)
    # ink unevenness
    a = np.array(im); noise = np.random.RandomState(1).rand(S,S)
    a[...,3] = (a[...,3]*(0.55+0.45*noise)).astype(np.uint8)
    return Image.fromarray(a)

def signature(w=320, h=120, seed=0):
    rnd = random.Random(seed); im = Image.new('RGBA',(w,h),(0,0,0,0)); d = ImageDraw.Draw(im)
    pts=[]; x=10
    while x < w-20:
        pts.append((x, h/2 + rnd.uniform(-h/2.5, h/2.5))); x += rnd.uniform(12, 30)
    for i in range(len(pts)-1):
        d.line([pts[i],pts[i+1]], fill=(20,40,160,230), width=4)
    d.line([(20,h*0.75),(w-30,h*0.55)], fill=(20,40,160,230), width=3)
    return im

def sealed_pages(name):
    pdf = f'{B}/{name}.pdf'; tr = json.load(open(f'{B}/{name}.truth.json'))
    tmp = f'{D}/raster/{name}'; os.makedirs(tmp, exist_ok=True)
    subprocess.run(['pdftoppm','-r',str(DPI),'-png',pdf,f'{tmp}/p'],check=True)
    pages = [Image.open(p).convert('RGBA') for p in sorted(glob.glob(f'{tmp}/p-*.png'))]
    loc = find_name(pdf, tr['document']['signer']['name'])
    if loc:
        pi,x0,y0,x1,y1 = loc; pg = pages[pi]
        sig = signature(seed=len(name)); pg.alpha_composite(sig,(int((x0+x1)/2-160), int(y0-150)))
        s = seal(SEAL[name]); pg.alpha_composite(s,(int(x0-s.width*0.55), int(y0-s.height*0.8)))
    else:
        print('signer not found', name)
    return [p.convert('RGB') for p in pages]

def rot(im, deg, fill):
    return im.rotate(deg, resample=Image.BICUBIC, expand=True, fillcolor=fill)

def office(pg, rnd):
    g = pg.convert('L'); a = np.asarray(g).astype(np.float32)
    a = a*0.92 + 8 + np.random.RandomState(rnd.randint(0,999)).normal(0,6,a.shape)
    g = Image.fromarray(np.clip(a,0,255).astype(np.uint8))
    return rot(g, rnd.uniform(-0.9,0.9), 235)

def copy(pg, rnd):
    g = np.asarray(pg.convert('L')).astype(np.float32)
    g = cv2.GaussianBlur(g,(3,3),0)
    b = np.where(g < 150, 0, 255).astype(np.uint8)
    rs = np.random.RandomState(rnd.randint(0,999)); h,w = b.shape
    for _ in range(900):
        y,x = rs.randint(0,h), rs.randint(0,w); r = rs.randint(1,3); b[max(0,y-r):y+r, max(0,x-r):x+r] = 0
    edge = rs.randint(25,60); b[:, :edge] = np.where(rs.rand(h,edge) < 0.85, 0, 255)
    b[-30:, :] = np.where(rs.rand(30,w) < 0.6, 0, 255)
    im = Image.fromarray(b)
    im = rot(im, rnd.choice([-1,1])*rnd.uniform(1.0,3.0), 255)
    return im.convert('1')

def photo(pg, rnd):
    a = np.asarray(pg.convert('RGB')).astype(np.float32); h,w,_ = a.shape
    # desk background canvas
    H, W = int(h*1.12), int(w*1.12)
    desk = np.zeros((H,W,3),np.float32); desk[...] = (96,78,60)
    src = np.float32([[0,0],[w,0],[w,h],[0,h]])
    m = 0.06
    dst = np.float32([[W*0.06+w*m*rnd.uniform(0.5,1), H*0.04],[W*0.94-w*m*rnd.uniform(0.5,1), H*0.05],[W*0.97, H*0.97],[W*0.03, H*0.96]])
    M = cv2.getPerspectiveTransform(src,dst)
    warped = cv2.warpPerspective(a, M, (W,H), borderValue=(0,0,0))
    mask = cv2.warpPerspective(np.ones((h,w),np.float32), M, (W,H))
    out = desk*(1-mask[...,None]) + warped*mask[...,None]
    yy,xx = np.mgrid[0:H,0:W]; light = 0.72 + 0.33*(xx/W)*0.6 + 0.25*(1-yy/H)*0.6
    shadow = np.clip(1 - 0.35*np.exp(-((xx-W*0.2)**2+(yy-H*0.85)**2)/(2*(W*0.18)**2)),0,1)
    out = out*light[...,None]*shadow[...,None]
    out *= np.array([1.04,0.98,0.84])  # warm cast
    out = cv2.GaussianBlur(out,(0,0),1.2)
    out = np.clip(out + np.random.RandomState(rnd.randint(0,999)).normal(0,4,out.shape),0,255).astype(np.uint8)
    im = Image.fromarray(out); im = im.resize((int(W*150/DPI), int(H*150/DPI)), Image.LANCZOS)
    return im

def save_pdf(imgs, path, fmt, dpi, q=None):
    bufs=[]
    for im in imgs:
        b = io.BytesIO()
        if fmt=='JPEG': im.save(b,'JPEG',quality=q, dpi=(dpi,dpi))
        else: im.save(b,'PNG',dpi=(dpi,dpi))
        bufs.append(b.getvalue())
    open(path,'wb').write(img2pdf.convert(bufs, layout_fun=img2pdf.get_fixed_dpi_layout_fun((dpi,dpi))))

if __name__ == '__main__':
    import shutil
    for name in SEAL:
        rnd = random.Random(name)
        for v in ('office','copy','photo'):
            os.makedirs(f'{D}/{v}', exist_ok=True)
            shutil.copy(f'{B}/{name}.truth.json', f'{D}/{v}/{name}.truth.json')
        pages = sealed_pages(name)
        save_pdf([office(p,rnd) for p in pages], f'{D}/office/{name}.pdf','JPEG',200,70)
        save_pdf([copy(p,rnd) for p in pages], f'{D}/copy/{name}.pdf','PNG',200)
        save_pdf([photo(p,rnd) for p in pages], f'{D}/photo/{name}.pdf','JPEG',150,62)
        print('done', name, len(pages), flush=True)
