"""
Tables and constants of src/core/math/elementary.ts (exp and log also in bench/c/demand-kernel.c),
and the reference values of test/core/math/elementary.test.ts, from mpmath at 80 digits.

Usage: python3 scripts/elementary-tables.py tables      # prints the TypeScript and C tables
       python3 scripts/elementary-tables.py reference   # writes test/fixtures/elementary/reference.json

Needs mpmath (pip install mpmath). Doubles are rounded from mpmath values with float(), which rounds
to nearest; each reference value is written as the nearest double and the exact value's remainder
(so a test can measure errors in fractions of an ulp).
"""
import json
import random
import struct
import sys
from pathlib import Path

import mpmath as mp

mp.mp.dps = 80
LN2 = mp.log(2)


def rounded_bits(v, bits):
    """v rounded to `bits` significant bits."""
    e = mp.floor(mp.log(abs(v), 2))
    q = mp.power(2, e - bits + 1)
    return float(mp.nint(v / q) * q)


def exp_table():
    """2^(j/128) = hi·(1 + tail), j = 0…127."""
    out = []
    for j in range(128):
        t = mp.power(2, mp.mpf(j) / 128)
        hi = float(t)
        out += [hi, float((t - hi) / hi)]
    return out


def log_table():
    """
    Per subinterval i of z in [1, 2) (z = 1 + i/256 …): 1/c in 9 bits, ln c in 42 bits, the rest.

    On [1, 1.375) c lies in the subinterval. On [1.375, 2) the entry is that of z/2 in [0.6875, 1)
    (subintervals of width 2^-9) scaled: 1/c halved (so z·(1/c) is the same product) and ln 2 added
    to ln c, so that ln x never cancels next to 1 from below (k = −1 and ln c = ln 2 there).
    """
    ln2_hi = mp.nint(LN2 * 2**42) / 2**42
    out = []
    for i in range(256):
        half = i >= 96
        if half:
            a = (1 + mp.mpf(i) / 256) / 2
            b = a + mp.mpf(2) ** -9
        else:
            a = 1 + mp.mpf(i) / 256
            b = a + mp.mpf(2) ** -8
        if i == 0 or i == 255:
            inv = mp.mpf(1)  # next to 1: c = 1, so ln x keeps its relative accuracy
        else:
            opt = 2 / (a + b)
            lsb = mp.mpf(2) ** -9 if opt < 1 else mp.mpf(2) ** -8
            inv = mp.nint(opt / lsb) * lsb
        r1, r2 = a * inv - 1, b * inv - 1
        # |r| < 2^-8 on [a, b) makes z·(1/c) − 1 exact (44 + 9 bits).
        assert abs(r1) < mp.mpf(2) ** -8 and abs(r2) <= mp.mpf(2) ** -8, i
        logc = -mp.log(inv)
        hi = mp.nint(logc * 2**42) / 2**42
        # Fast2Sum of w = ln c (k = 0) and r needs |ln c| ≥ |r| unless ln c = 0.
        assert hi == 0 or abs(hi) >= max(abs(r1), abs(r2)), i
        lo = logc - hi
        if half:
            inv, hi, lo = inv / 2, hi + ln2_hi, lo + (LN2 - ln2_hi)
        out += [float(inv), float(hi), float(lo)]
    return out


def trig_constants():
    """π/2 in three parts (33, 33, 53 bits), π/2 rounded and its rest, and the Taylor coefficients."""
    pio2 = mp.pi / 2
    p1 = mp.mpf(rounded_bits(pio2, 33))
    p2 = mp.mpf(rounded_bits(pio2 - p1, 33))
    print('PIO2_1, PIO2_2, PIO2_3:', float(p1), float(p2), float(pio2 - p1 - p2))
    print('PIO2_HI, PIO2_LO:', float(pio2), float(pio2 - float(pio2)), '2/pi:', float(2 / mp.pi))
    print('sin x^3 … x^17:', [float((-1) ** ((n - 1) // 2) / mp.factorial(n)) for n in range(3, 19, 2)])
    print('cos x^4 … x^18:', [float((-1) ** (n // 2) / mp.factorial(n)) for n in range(4, 20, 2)])
    asin_terms = [mp.factorial(2 * n) / (4**n * mp.factorial(n) ** 2 * (2 * n + 1)) for n in range(1, 25)]
    print('asin x^3 … x^49:', [float(a) for a in asin_terms])


def tables():
    trig_constants()
    print('constants:', 128 / LN2, rounded_bits(LN2 / 128, 35), LN2 / 128 - rounded_bits(LN2 / 128, 35))
    print('ln2 hi, lo:', float(mp.nint(LN2 * 2**42) / 2**42), float(LN2 - mp.nint(LN2 * 2**42) / 2**42))
    for name, values, per in (('EXP_TABLE', exp_table(), 2), ('LOG_TABLE', log_table(), 3)):
        print(f'// {name} (TypeScript)')
        for k in range(0, len(values), per):
            print('  ' + ', '.join(repr(v) for v in values[k : k + per]) + ',')
        print(f'/* {name} (C) */')
        for k in range(0, len(values), per):
            print('  ' + ', '.join(v.hex() for v in values[k : k + per]) + ',')


def double(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


def reference():
    """[x, nearest double of f(x), remainder] rows for exp, log, pow, sin, cos and asin."""
    rng = random.Random(20240611)
    def row(f, *args):
        v = f(*[mp.mpf(a) for a in args])
        d = float(v)
        return [*args, d, float(v - d)]
    exp_x = [rng.uniform(-745, 709.78) for _ in range(1500)] + [rng.uniform(-1, 1) * 2.0 ** -rng.randint(1, 60) for _ in range(500)]
    exp_x += [rng.uniform(-708.4, -745.1) for _ in range(150)]
    # log: uniform in the exponent, uniform near 1, and subnormals
    log_x = [double(rng.randrange(0x0010000000000000, 0x7FF0000000000000)) for _ in range(1500)]
    log_x += [1 + rng.uniform(-1, 1) * 2.0 ** -rng.randint(1, 52) for _ in range(500)]
    log_x += [double(rng.randrange(1, 0x0010000000000000)) for _ in range(150)]
    pow_xy = []
    for _ in range(1000):
        x = mp.exp(rng.uniform(-20, 20))
        x = float(x)
        y = rng.uniform(-700, 700) / abs(float(mp.log(x))) if x != 1 else 1.0
        pow_xy.append((x, y))
    for _ in range(500):
        pow_xy.append((1 + rng.uniform(-0.1, 0.1), rng.uniform(-60, 60)))
    # sin, cos, asin: a stream of their own, so that the rows above stay as they were
    trig = random.Random(20261127)
    angles = [trig.uniform(-float(mp.pi), float(mp.pi)) for _ in range(1500)]
    angles += [float(k * mp.pi / 4) + trig.uniform(-1, 1) * 2.0 ** -trig.randint(20, 50) for k in range(-8, 9) for _ in range(20)]
    angles += [trig.uniform(-1, 1) * 2.0 ** -trig.randint(1, 40) for _ in range(300)]
    angles += [trig.uniform(-1.6e6, 1.6e6) for _ in range(300)]
    sines = [trig.uniform(-1, 1) for _ in range(1500)]
    sines += [(1 - 2.0 ** -trig.randint(1, 52) * trig.random()) * trig.choice((-1, 1)) for _ in range(300)]
    sines += [0.5 + trig.uniform(-1, 1) * 2.0 ** -trig.randint(10, 50) for _ in range(100)]
    sines += [trig.uniform(-1, 1) * 2.0 ** -trig.randint(1, 40) for _ in range(200)]
    data = {
        'command': 'python3 scripts/elementary-tables.py reference (mpmath ' + mp.__version__ + ', 80 digits)',
        'exp': [row(mp.exp, x) for x in exp_x],
        'log': [row(mp.log, x) for x in log_x],
        'pow': [row(mp.power, x, y) for x, y in pow_xy],
        'sin': [row(mp.sin, x) for x in angles],
        'cos': [row(mp.cos, x) for x in angles],
        'asin': [row(mp.asin, x) for x in sines],
    }
    out = Path(__file__).resolve().parent.parent / 'test' / 'fixtures' / 'elementary' / 'reference.json'
    out.write_text(json.dumps(data, separators=(',', ':')) + '\n')
    print('wrote', out)


if __name__ == '__main__':
    {'tables': tables, 'reference': reference}[sys.argv[1] if len(sys.argv) > 1 else 'tables']()
