/*
 * The alliance-demand model's ensemble kernel in C: RK4 over a chunk of members and their annual
 * means, the arithmetic of the TypeScript kernel (src/core/model/demand/ with
 * src/core/model/annual-means.ts and src/core/solve/rk4.ts) operation for operation, so that both
 * give the same bits.
 *
 * Compiled twice from this one file:
 * - to WebAssembly with 128-bit SIMD (scripts/build-wasm.mjs: clang --target=wasm32 -msimd128
 *   -O3 -ffp-contract=off, no C library), embedded in src/core/model/demand/wasm-binary.ts and run by
 *   the core in Node and in the browser (src/core/model/demand/wasm.ts);
 * - natively by the ensemble benchmark (bench/c/main.c, gcc -O3 -ffp-contract=off), the C reference
 *   the other two kernels are timed against.
 *
 * It needs nothing from a C library and allocates nothing: everything it reads and writes lies in
 * one image whose header (doubles) gives the sizes and the byte offsets of the arrays; the layout is
 * written by src/core/model/demand/wasm-image.ts, whose H_* indices are those below.
 *
 * Same bits: -ffp-contract=off keeps every multiply and add rounded on its own, as JavaScript does
 * (WebAssembly has no fused multiply-add in any case); sums run in the same order (member lanes side
 * by side change no member's order); exp and log are those of src/core/math/elementary.ts, with the
 * same tables, polynomials and operations in the same order (not a C library's); floor and ceil are
 * exact in both.
 */

typedef double v2d __attribute__((vector_size(16), aligned(8)));
typedef long long v2i __attribute__((vector_size(16), aligned(8)));

#define INF (__builtin_inf())

/* Indices of the header, doubles at the image's start. Offsets are bytes from the image's start. */
enum {
  H_VERSION,        /* KERNEL_IMAGE_VERSION */
  H_N,              /* actors */
  H_M,              /* members */
  H_P,              /* pledges per actor */
  H_PERIODS,        /* membership periods */
  H_GDP_YEARS,      /* years in the log-GDP table */
  H_GDP_FIRST_YEAR, /* its first year */
  H_START,          /* first year of the run */
  H_END,            /* last year (exclusive of its annual mean) */
  H_STEP,           /* RK4 step, years */
  H_PER_YEAR,       /* samples a year */
  H_SHARED_PROXIMITY, /* 1: one weight per row entry; 0: one per entry and member */
  H_PERIOD_STARTS,  /* f64[periods] */
  H_JOINS,          /* f64[n]: year each actor joins the alliance (+inf never) */
  H_LN_GDP,         /* f64[n * gdpYears] */
  H_SHOCK,          /* f64[gdpYears * n * M] log-GDP shocks, or 0 for none */
  H_PLEDGE_TARGET,  /* f64[P * n * M] */
  H_PLEDGE_FROM,
  H_PLEDGE_BY,
  H_WAR_EXTRA,      /* f64[n * M] */
  H_WAR_UNTIL,
  H_WAR_FADE,
  H_BASELINE,
  H_SHARED_TERMS,   /* f64[n]: 1 when all members share an actor's pledges, baseline and war terms */
  H_SHARED_ENTRY,   /* f64[n]: 1 when all members share an actor's constants in the entry table */
  H_RESPONDS,       /* f64[n]: bit 1 when a member reads ln Θ (a threat elasticity), bit 2 ln Φ */
  H_ENTRY,          /* f64[n * M * ENTRY] */
  H_ROWS,           /* f64[periods * 6]: per period the offsets of hostile start, first, weight, then friendly's */
  H_INITIAL,        /* f64[2 * n * M] */
  H_GDP,            /* outputs, f64[n * M * years] each, entry (i*M + m)*years + y */
  H_SPENDING,
  H_CAPABILITY,
  H_THREAT,
  H_SPILL_IN,
  H_YEAR_STATES,    /* f64[(years + 1) * 2 * n * M] */
  H_SCRATCH,        /* f64[SCRATCH_PER_ENTRY * n * M] */
  H_SCRATCH_DOUBLES,
  H_COUNT
};

#define KERNEL_IMAGE_VERSION 2
#define ENTRY 12
#define SCRATCH_PER_ENTRY 34
#define BINDING_FLOOR_RETURN 2.0 /* FLOOR_RETURN of kernel.ts */
#define STEP_COUNT_SLACK 1e-9

/* 2^(j/128), j = 0..127: the nearest double and the relative tail (scripts/elementary-tables.py). */
static const double EXP_TABLE[256] = {
  0x1.0000000000000p+0, 0x0.0p+0,
  0x1.0163da9fb3335p+0, 0x1.b3b4f1a88bf6ep-54,
  0x1.02c9a3e778061p+0, -0x1.160139cd8dc5dp-56,
  0x1.04315e86e7f85p+0, -0x1.05e7a108766d1p-54,
  0x1.059b0d3158574p+0, 0x1.cd2523567f613p-55,
  0x1.0706b29ddf6dep+0, -0x1.bce8023f98efap-55,
  0x1.0874518759bc8p+0, 0x1.0f74e61e6c861p-57,
  0x1.09e3ecac6f383p+0, 0x1.0a3e45b33d399p-54,
  0x1.0b5586cf9890fp+0, 0x1.79aa65d837b6dp-54,
  0x1.0cc922b7247f7p+0, 0x1.eb51a92fdeffcp-55,
  0x1.0e3ec32d3d1a2p+0, 0x1.ebe3d702f9cd1p-60,
  0x1.0fb66affed31bp+0, -0x1.a033489906e0bp-57,
  0x1.11301d0125b51p+0, -0x1.556522a2fbd0ep-54,
  0x1.12abdc06c31ccp+0, -0x1.080ef8c4eea55p-58,
  0x1.1429aaea92de0p+0, -0x1.1c923b9d5f416p-54,
  0x1.15a98c8a58e51p+0, 0x1.0d3e3e95c55afp-55,
  0x1.172b83c7d517bp+0, -0x1.01b15eaa59348p-55,
  0x1.18af9388c8deap+0, -0x1.f1ff055de323dp-55,
  0x1.1a35beb6fcb75p+0, 0x1.b898c3f1353bfp-55,
  0x1.1bbe084045cd4p+0, -0x1.6d99c7611eb26p-54,
  0x1.1d4873168b9aap+0, 0x1.aecf73e3a2f60p-54,
  0x1.1ed5022fcd91dp+0, -0x1.fe782cb86389dp-55,
  0x1.2063b88628cd6p+0, 0x1.a6f4144a6c38dp-55,
  0x1.21f49917ddc96p+0, 0x1.07a05b0e4047dp-55,
  0x1.2387a6e756238p+0, 0x1.68efde3a8a894p-54,
  0x1.251ce4fb2a63fp+0, 0x1.75e18f274487dp-55,
  0x1.26b4565e27cddp+0, 0x1.0472b981fe7f2p-55,
  0x1.284dfe1f56381p+0, -0x1.6b87b3f71085ep-54,
  0x1.29e9df51fdee1p+0, 0x1.2f7e16d09ab31p-55,
  0x1.2b87fd0dad990p+0, -0x1.d219b1a6fbffap-60,
  0x1.2d285a6e4030bp+0, 0x1.b3782720c0ab4p-55,
  0x1.2ecafa93e2f56p+0, 0x1.e149289cecb8fp-57,
  0x1.306fe0a31b715p+0, 0x1.34d754db0abb6p-55,
  0x1.32170fc4cd831p+0, 0x1.64201e2ac744cp-55,
  0x1.33c08b26416ffp+0, 0x1.fdd395dd3f84ap-55,
  0x1.356c55f929ff1p+0, -0x1.6a3803b8e5b04p-55,
  0x1.371a7373aa9cbp+0, -0x1.24aedcc4b5068p-54,
  0x1.38cae6d05d866p+0, -0x1.907f81b512d8ep-54,
  0x1.3a7db34e59ff7p+0, -0x1.1d1e83e9436d2p-56,
  0x1.3c32dc313a8e5p+0, -0x1.91919b3ce1b15p-54,
  0x1.3dea64c123422p+0, 0x1.59f48a72a4c6dp-55,
  0x1.3fa4504ac801cp+0, -0x1.312607a28698ap-54,
  0x1.4160a21f72e2ap+0, -0x1.8a78f4817895bp-58,
  0x1.431f5d950a897p+0, -0x1.c2c9b67499a1bp-56,
  0x1.44e086061892dp+0, 0x1.363ed60c2ac11p-59,
  0x1.46a41ed1d0057p+0, 0x1.666093b0664efp-54,
  0x1.486a2b5c13cd0p+0, 0x1.ecce1daa10379p-57,
  0x1.4a32af0d7d3dep+0, 0x1.3ff8e3f0f1230p-54,
  0x1.4bfdad5362a27p+0, 0x1.690cebb7aafb0p-56,
  0x1.4dcb299fddd0dp+0, 0x1.31dbdeb54e077p-54,
  0x1.4f9b2769d2ca7p+0, -0x1.f94340071a38ep-55,
  0x1.516daa2cf6642p+0, -0x1.7deccdc93a349p-55,
  0x1.5342b569d4f82p+0, -0x1.8dec6bd0f385fp-56,
  0x1.551a4ca5d920fp+0, -0x1.61246ec7b5cf6p-55,
  0x1.56f4736b527dap+0, 0x1.3350518fdd78ep-54,
  0x1.58d12d497c7fdp+0, 0x1.b98b72f8a9b05p-56,
  0x1.5ab07dd485429p+0, 0x1.063e1e21c5409p-54,
  0x1.5c9268a5946b7p+0, 0x1.4c7855019c6eap-60,
  0x1.5e76f15ad2148p+0, 0x1.432e62b64c035p-54,
  0x1.605e1b976dc09p+0, -0x1.ce44a6199769fp-55,
  0x1.6247eb03a5585p+0, -0x1.c33c53bef4da8p-55,
  0x1.6434634ccc320p+0, -0x1.45378892be9aep-55,
  0x1.6623882552225p+0, -0x1.3cedd78565858p-54,
  0x1.68155d44ca973p+0, 0x1.710aa807e1964p-58,
  0x1.6a09e667f3bcdp+0, -0x1.3b3efbf5e2228p-54,
  0x1.6c012750bdabfp+0, -0x1.a12ad8734b982p-57,
  0x1.6dfb23c651a2fp+0, -0x1.367efb86da9eep-57,
  0x1.6ff7df9519484p+0, -0x1.0dc3d54e08851p-55,
  0x1.71f75e8ec5f74p+0, -0x1.81f647e5a3ecfp-56,
  0x1.73f9a48a58174p+0, -0x1.6ee4ac08b7db0p-55,
  0x1.75feb564267c9p+0, -0x1.619321e55e68ap-55,
  0x1.780694fde5d3fp+0, 0x1.09ccb5e09d4d3p-54,
  0x1.7a11473eb0187p+0, -0x1.b32dcb94da51dp-56,
  0x1.7c1ed0130c132p+0, 0x1.4ecfd5467c06bp-54,
  0x1.7e2f336cf4e62p+0, 0x1.5ebe1abd66c55p-57,
  0x1.80427543e1a12p+0, -0x1.8a1c52fb3cf42p-55,
  0x1.82589994cce13p+0, -0x1.369b6f13b3734p-54,
  0x1.8471a4623c7adp+0, -0x1.05e843a19ff1ep-55,
  0x1.868d99b4492edp+0, -0x1.4d450d872576ep-54,
  0x1.88ac7d98a6699p+0, 0x1.0ad675b0e8a00p-54,
  0x1.8ace5422aa0dbp+0, 0x1.db72fc1f0eab4p-55,
  0x1.8cf3216b5448cp+0, -0x1.5b6609cc5e7ffp-57,
  0x1.8f1ae99157736p+0, 0x1.bf68359f35f44p-56,
  0x1.9145b0b91ffc6p+0, -0x1.3091fa71e3d83p-54,
  0x1.93737b0cdc5e5p+0, -0x1.da9b88b6c1e29p-58,
  0x1.95a44cbc8520fp+0, -0x1.c23f97c90b959p-57,
  0x1.97d829fde4e50p+0, -0x1.2434322f4f9aap-54,
  0x1.9a0f170ca07bap+0, -0x1.5ca6cd7668e4bp-55,
  0x1.9c49182a3f090p+0, 0x1.1affc2b91ce27p-56,
  0x1.9e86319e32323p+0, 0x1.dd235e10a73bbp-57,
  0x1.a0c667b5de565p+0, -0x1.7c50422622263p-55,
  0x1.a309bec4a2d33p+0, 0x1.b1c86e3e231d5p-55,
  0x1.a5503b23e255dp+0, -0x1.1bbd1d3bcbb15p-54,
  0x1.a799e1330b358p+0, 0x1.0cc319cee31d2p-54,
  0x1.a9e6b5579fdbfp+0, 0x1.469846e735ab3p-55,
  0x1.ac36bbfd3f37ap+0, -0x1.2dfcd978e9db4p-55,
  0x1.ae89f995ad3adp+0, 0x1.c1a7792cb3387p-55,
  0x1.b0e07298db666p+0, -0x1.07b8f4ad1d9fap-54,
  0x1.b33a2b84f15fbp+0, -0x1.5c3d956dcaebap-58,
  0x1.b59728de5593ap+0, -0x1.0a40e3da6f640p-54,
  0x1.b7f76f2fb5e47p+0, -0x1.8d6f438ad9334p-57,
  0x1.ba5b030a1064ap+0, -0x1.1eee26b588a35p-54,
  0x1.bcc1e904bc1d2p+0, 0x1.4ffd70a5fddcdp-56,
  0x1.bf2c25bd71e09p+0, -0x1.1bdfbfa9298acp-54,
  0x1.c199bdd85529cp+0, 0x1.36eae30af0cb3p-56,
  0x1.c40ab5fffd07ap+0, 0x1.ee3325c9ffd94p-55,
  0x1.c67f12e57d14bp+0, 0x1.4e08fd10959acp-55,
  0x1.c8f6d9406e7b5p+0, 0x1.3cdaf384e1a67p-57,
  0x1.cb720dcef9069p+0, 0x1.76b2c6c921968p-57,
  0x1.cdf0b555dc3fap+0, -0x1.08a1883ccb5d2p-55,
  0x1.d072d4a07897cp+0, -0x1.fad5d3ffffa6fp-55,
  0x1.d2f87080d89f2p+0, -0x1.00dae3875a949p-54,
  0x1.d5818dcfba487p+0, 0x1.4a385a63d07a7p-56,
  0x1.d80e316c98398p+0, -0x1.2919e2040220fp-55,
  0x1.da9e603db3285p+0, 0x1.e5a50d5c192acp-55,
  0x1.dd321f301b460p+0, 0x1.43a59ac016b4bp-55,
  0x1.dfc97337b9b5fp+0, -0x1.2d52107b43e1fp-55,
  0x1.e264614f5a129p+0, -0x1.92ab93b470dc9p-55,
  0x1.e502ee78b3ff6p+0, 0x1.4b604603a88d3p-56,
  0x1.e7a51fbc74c83p+0, 0x1.3c5ec519d7271p-55,
  0x1.ea4afa2a490dap+0, -0x1.ff7128fd391f0p-55,
  0x1.ecf482d8e67f1p+0, -0x1.dae98e223747dp-55,
  0x1.efa1bee615a27p+0, 0x1.ec3bc41aa2008p-55,
  0x1.f252b376bba97p+0, 0x1.42b94c3a9eb32p-55,
  0x1.f50765b6e4540p+0, 0x1.a64a931d185eep-55,
  0x1.f7bfdad9cbe14p+0, -0x1.e37bae43be3edp-55,
  0x1.fa7c1819e90d8p+0, 0x1.7893b4d91cd9dp-56,
  0x1.fd3c22b8f71f1p+0, 0x1.305c14160cc89p-58,
};

/* Per subinterval of z in [1, 2), z from 1 + i/256: 1/c in 9 bits, ln c in 42 bits, the rest of ln c. */
static const double LOG_TABLE[768] = {
  0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0,
  0x1.fd00000000000p-1, 0x1.8121214580000p-8, 0x1.ad50382973f27p-46,
  0x1.fb00000000000p-1, 0x1.41929f9680000p-7, 0x1.977c755d01368p-46,
  0x1.f900000000000p-1, 0x1.c317384c80000p-7, -0x1.41f33fcefb9fep-44,
  0x1.f700000000000p-1, 0x1.228fb1fea0000p-6, 0x1.713e3284991fep-45,
  0x1.f500000000000p-1, 0x1.63d6178690000p-6, 0x1.7abf389596542p-47,
  0x1.f300000000000p-1, 0x1.a55f548c60000p-6, -0x1.de0709f2d03c9p-45,
  0x1.f100000000000p-1, 0x1.e72bf28140000p-6, -0x1.8d75149774d47p-45,
  0x1.f000000000000p-1, 0x1.0415d89e78000p-5, -0x1.dddc7f461c516p-44,
  0x1.ee00000000000p-1, 0x1.252f32f8d0000p-5, 0x1.83e9ae021b67bp-45,
  0x1.ec00000000000p-1, 0x1.466aed42e0000p-5, -0x1.c167375bdfd28p-45,
  0x1.ea00000000000p-1, 0x1.67c94f2d48000p-5, 0x1.dac20827cca0cp-44,
  0x1.e800000000000p-1, 0x1.894aa149f8000p-5, 0x1.9a19a8be97661p-44,
  0x1.e600000000000p-1, 0x1.aaef2d0fb0000p-5, 0x1.0fc1a353bb42ep-45,
  0x1.e500000000000p-1, 0x1.bbcebfc690000p-5, -0x1.7bf868c317c2ap-46,
  0x1.e300000000000p-1, 0x1.dda8adc680000p-5, -0x1.1b1ac64d9e42fp-45,
  0x1.e100000000000p-1, 0x1.ffa6911ab8000p-5, 0x1.3008c98381a8fp-45,
  0x1.df00000000000p-1, 0x1.10e45b3cb0000p-4, -0x1.7cf69284a3465p-44,
  0x1.dd00000000000p-1, 0x1.2207b5c784000p-4, 0x1.49d8cfc10c7bfp-44,
  0x1.dc00000000000p-1, 0x1.2aa04a4470000p-4, 0x1.7a48ba8b1cb41p-44,
  0x1.da00000000000p-1, 0x1.3bdf5a7d20000p-4, -0x1.19bd0ad125895p-44,
  0x1.d800000000000p-1, 0x1.4d3115d208000p-4, -0x1.53a2582f4e1efp-48,
  0x1.d700000000000p-1, 0x1.55e10050e0000p-4, 0x1.c1d740c53c72ep-47,
  0x1.d500000000000p-1, 0x1.674f089364000p-4, 0x1.a79994c9d3302p-44,
  0x1.d300000000000p-1, 0x1.78d02263d8000p-4, 0x1.69b5794b69fb7p-47,
  0x1.d200000000000p-1, 0x1.8197e2f410000p-4, -0x1.c0fe460d20041p-44,
  0x1.d000000000000p-1, 0x1.9335e5d594000p-4, 0x1.3115c3abd47dap-45,
  0x1.ce00000000000p-1, 0x1.a4e7640b1c000p-4, -0x1.e42b6b94407c8p-47,
  0x1.cd00000000000p-1, 0x1.adc77ee5b0000p-4, -0x1.573b209c31904p-44,
  0x1.cb00000000000p-1, 0x1.bf968769fc000p-4, 0x1.4218c8d824283p-45,
  0x1.c900000000000p-1, 0x1.d179788218000p-4, 0x1.36433b5efbeedp-44,
  0x1.c800000000000p-1, 0x1.da72763844000p-4, 0x1.a89401fa71733p-46,
  0x1.c600000000000p-1, 0x1.ec739830a0000p-4, 0x1.11fcba80cdd10p-44,
  0x1.c500000000000p-1, 0x1.f57bc7d900000p-4, 0x1.76a6c9ea8b04ep-46,
  0x1.c300000000000p-1, 0x1.03cdc0a51e000p-3, 0x1.81a9cf169fc5cp-44,
  0x1.c200000000000p-1, 0x1.08598b59e4000p-3, -0x1.7e5dd7009902cp-45,
  0x1.c000000000000p-1, 0x1.1178e8227e000p-3, 0x1.1ef78ce2d07f2p-45,
  0x1.bf00000000000p-1, 0x1.160c8024b2000p-3, 0x1.ec2d2a9009e3dp-45,
  0x1.bd00000000000p-1, 0x1.1f3b925f26000p-3, -0x1.5f74e9b083633p-46,
  0x1.bc00000000000p-1, 0x1.23d712a49c000p-3, 0x1.00d238fd3df5cp-46,
  0x1.ba00000000000p-1, 0x1.2d1610c868000p-3, 0x1.39d6ccb81b4a1p-47,
  0x1.b900000000000p-1, 0x1.31b994d3a4000p-3, 0x1.f098ee3a50810p-44,
  0x1.b700000000000p-1, 0x1.3b08b67580000p-3, -0x1.aade8f29320fbp-44,
  0x1.b600000000000p-1, 0x1.3fb45a5992000p-3, 0x1.19713c0cae559p-44,
  0x1.b400000000000p-1, 0x1.4913d8333c000p-3, -0x1.53e43558124c4p-44,
  0x1.b300000000000p-1, 0x1.4dc7b897bc000p-3, 0x1.c79b60ae1ff0fp-47,
  0x1.b100000000000p-1, 0x1.5737cc9018000p-3, 0x1.9baa7a6b887f6p-44,
  0x1.b000000000000p-1, 0x1.5bf406b544000p-3, -0x1.27023eb68981cp-46,
  0x1.ae00000000000p-1, 0x1.6574ebe8c2000p-3, -0x1.98c1d34f0f462p-44,
  0x1.ad00000000000p-1, 0x1.6a399dabbe000p-3, -0x1.8f934e66a15a6p-44,
  0x1.ac00000000000p-1, 0x1.6f0128b756000p-3, 0x1.577390d31ef0fp-44,
  0x1.aa00000000000p-1, 0x1.7898d85444000p-3, 0x1.8e67be3dbaf3fp-44,
  0x1.a900000000000p-1, 0x1.7d6903caf6000p-3, -0x1.4c06b17c301d7p-45,
  0x1.a700000000000p-1, 0x1.871213750e000p-3, 0x1.328eb42f9af75p-44,
  0x1.a600000000000p-1, 0x1.8beafeb390000p-3, -0x1.73d54aae92cd1p-47,
  0x1.a500000000000p-1, 0x1.90c6db9fcc000p-3, -0x1.935f57718d7cap-46,
  0x1.a300000000000p-1, 0x1.9a8778deba000p-3, 0x1.470fa3efec390p-44,
  0x1.a200000000000p-1, 0x1.9f6c40708a000p-3, -0x1.337d94bcd3f43p-44,
  0x1.a100000000000p-1, 0x1.a454082e6a000p-3, 0x1.60a77c81f7171p-44,
  0x1.9f00000000000p-1, 0x1.ae2ca6f672000p-3, 0x1.7a8d5ae54f550p-44,
  0x1.9e00000000000p-1, 0x1.b31d8575bc000p-3, 0x1.c794e562a63cbp-44,
  0x1.9d00000000000p-1, 0x1.b811730b82000p-3, 0x1.e90683b9cd768p-46,
  0x1.9c00000000000p-1, 0x1.bd087383be000p-3, -0x1.d4bc4595412b6p-45,
  0x1.9a00000000000p-1, 0x1.c6ffbc6f00000p-3, 0x1.ee138d3a69d43p-44,
  0x1.9900000000000p-1, 0x1.cc000c9db4000p-3, -0x1.d6d585d57aff9p-46,
  0x1.9800000000000p-1, 0x1.d1037f2656000p-3, -0x1.84a7e75b6f6e4p-47,
  0x1.9600000000000p-1, 0x1.db13db0d48000p-3, 0x1.2806a847527e6p-44,
  0x1.9500000000000p-1, 0x1.e020cc6236000p-3, -0x1.52b00adb91424p-45,
  0x1.9400000000000p-1, 0x1.e530effe72000p-3, -0x1.fdbdbb13f7c18p-44,
  0x1.9300000000000p-1, 0x1.ea4449f04a000p-3, 0x1.5e91663732a36p-44,
  0x1.9100000000000p-1, 0x1.f474b134e0000p-3, -0x1.bae49f1df7b5ep-44,
  0x1.9000000000000p-1, 0x1.f991c6cb3c000p-3, -0x1.90d04cd7cc834p-44,
  0x1.8f00000000000p-1, 0x1.feb2233ea0000p-3, 0x1.f3418de00938bp-45,
  0x1.8e00000000000p-1, 0x1.01eae5626c000p-2, 0x1.a43dcfade85aep-44,
  0x1.8d00000000000p-1, 0x1.047e60cde8000p-2, 0x1.dbdf10d397f3cp-45,
  0x1.8b00000000000p-1, 0x1.09aa572e6c000p-2, 0x1.b50a1e1734342p-44,
  0x1.8a00000000000p-1, 0x1.0c42d67616000p-2, 0x1.7188b163ceae9p-45,
  0x1.8900000000000p-1, 0x1.0edd060b78000p-2, 0x1.019b52d8435f5p-47,
  0x1.8800000000000p-1, 0x1.1178e8227e000p-2, 0x1.1ef78ce2d07f2p-44,
  0x1.8700000000000p-1, 0x1.14167ef367000p-2, 0x1.e0c07824daaf5p-44,
  0x1.8600000000000p-1, 0x1.16b5ccbad0000p-2, -0x1.23299042d74bfp-44,
  0x1.8400000000000p-1, 0x1.1bf99635a7000p-2, -0x1.1ac89575c2125p-44,
  0x1.8300000000000p-1, 0x1.1e9e16788a000p-2, -0x1.82eaed3c8b65ep-44,
  0x1.8200000000000p-1, 0x1.214456d0ec000p-2, -0x1.caf0428b728a3p-44,
  0x1.8100000000000p-1, 0x1.23ec5991ec000p-2, -0x1.6dbe448a2e522p-44,
  0x1.8000000000000p-1, 0x1.269621134e000p-2, -0x1.1b61f10522625p-44,
  0x1.7f00000000000p-1, 0x1.2941afb187000p-2, -0x1.210c2b730e28bp-44,
  0x1.7e00000000000p-1, 0x1.2bef07cdc9000p-2, 0x1.a9cfa4a5004f4p-45,
  0x1.7c00000000000p-1, 0x1.314f1e1d36000p-2, -0x1.8e27ad3213cb8p-45,
  0x1.7b00000000000p-1, 0x1.3401e12aed000p-2, -0x1.17c73556e291dp-44,
  0x1.7a00000000000p-1, 0x1.36b6776be1000p-2, 0x1.16ecdb0f177c8p-46,
  0x1.7900000000000p-1, 0x1.396ce359bc000p-2, -0x1.5839c5663663dp-47,
  0x1.7800000000000p-1, 0x1.3c25277333000p-2, 0x1.83b54b606bd5cp-46,
  0x1.7700000000000p-1, 0x1.3edf463c17000p-2, -0x1.f067c297f2c3fp-44,
  0x1.7600000000000p-1, 0x1.419b423d5f000p-2, -0x1.ce379226de3ecp-44,
  0x1.7500000000000p-1, 0x1.44591e053a000p-2, -0x1.6e95892923d88p-47,
  0x1.7400000000000p-1, 0x1.4718dc271c000p-2, 0x1.06c18fb4c14c5p-44,
  0x1.7300000000000p-1, 0x1.49da7f3bcc000p-2, 0x1.07b334daf4b9ap-44,
  0x1.7200000000000p-1, 0x1.4c9e09e173000p-2, -0x1.e20891b0ad8a4p-45,
  0x1.7100000000000p-1, 0x1.4f637ebba9000p-2, 0x1.01f539a676da3p-43,
  0x1.7000000000000p-1, 0x1.522ae0738a000p-2, 0x1.ebe708164c759p-45,
  0x1.6f00000000000p-1, 0x1.54f431b7be000p-2, 0x1.a8954c0910952p-46,
  0x1.6e00000000000p-1, 0x1.57bf753c8d000p-2, 0x1.fadedee5d40efp-46,
  0x1.6d00000000000p-1, 0x1.5a8cadbbee000p-2, -0x1.7c79b0af7ecf8p-48,
  0x1.6c00000000000p-1, 0x1.5d5bddf596000p-2, -0x1.a0b2a08a465dcp-47,
  0x1.6b00000000000p-1, 0x1.602d08af09000p-2, 0x1.ebe9176df3f65p-46,
  0x1.6a00000000000p-1, 0x1.630030b3ab000p-2, -0x1.db623e731ae00p-45,
  0x1.6900000000000p-1, 0x1.65d558d4ce000p-2, 0x1.544fd2dc5bdc0p-51,
  0x1.6800000000000p-1, 0x1.68ac83e9c6000p-2, 0x1.42834c9d5bae8p-43,
  0x1.6700000000000p-1, 0x1.6b85b4cffa000p-2, 0x1.fe6750d372503p-45,
  0x1.6600000000000p-1, 0x1.6e60ee6af1000p-2, 0x1.2e42caf8445b1p-43,
  0x1.6500000000000p-1, 0x1.713e33a46a000p-2, 0x1.7b9b2617e9472p-46,
  0x1.6400000000000p-1, 0x1.741d876c67000p-2, 0x1.762c25277182dp-43,
  0x1.6300000000000p-1, 0x1.76feecb947000p-2, 0x1.74bb9c9852c57p-46,
  0x1.6200000000000p-1, 0x1.79e26687cf000p-2, 0x1.67b1f4bbf45dep-43,
  0x1.6100000000000p-1, 0x1.7cc7f7db46000p-2, 0x1.41b3de3fee192p-43,
  0x1.6000000000000p-1, 0x1.7fafa3bd81000p-2, 0x1.46fb79bf6d4cbp-44,
  0x1.5f00000000000p-1, 0x1.82996d3ef8000p-2, 0x1.7956aae7d64a2p-43,
  0x1.5e00000000000p-1, 0x1.85855776dd000p-2, -0x1.015486666443bp-44,
  0x1.5d00000000000p-1, 0x1.8873658328000p-2, -0x1.988e21f7fc497p-45,
  0x1.5c00000000000p-1, 0x1.8b639a88b3000p-2, -0x1.05ae1e5e70470p-45,
  0x1.5b00000000000p-1, 0x1.8e55f9b349000p-2, 0x1.706f13b1bb1ddp-43,
  0x1.5a00000000000p-1, 0x1.914a8635bf000p-2, 0x1.a2652b44673e1p-44,
  0x1.5900000000000p-1, 0x1.9441434a03000p-2, 0x1.2cb81c95fff43p-45,
  0x1.5800000000000p-1, 0x1.973a343135000p-2, 0x1.ab73b16bf4984p-44,
  0x1.5800000000000p-1, 0x1.973a343135000p-2, 0x1.ab73b16bf4984p-44,
  0x1.5700000000000p-1, 0x1.9a355c33bd000p-2, 0x1.ae73535438bebp-44,
  0x1.5600000000000p-1, 0x1.9d32bea15f000p-2, -0x1.6279e10d0c0b0p-45,
  0x1.5500000000000p-1, 0x1.a0325ed150000p-2, -0x1.2dc20b0d5e095p-45,
  0x1.5400000000000p-1, 0x1.a33440224f000p-2, 0x1.4f1915fe75e7dp-43,
  0x1.5300000000000p-1, 0x1.a63865fabd000p-2, 0x1.d7bae3eeaa2e6p-47,
  0x1.5200000000000p-1, 0x1.a93ed3c8ad000p-2, 0x1.3c6de57d4ef4cp-43,
  0x1.5100000000000p-1, 0x1.ac478d0205000p-2, 0x1.bc0e8cc8a54afp-48,
  0x1.5100000000000p-1, 0x1.ac478d0205000p-2, 0x1.bc0e8cc8a54afp-48,
  0x1.5000000000000p-1, 0x1.af5295248d000p-2, -0x1.17cc552774458p-45,
  0x1.4f00000000000p-1, 0x1.b25fefb60c000p-2, 0x1.65c1831dd125dp-43,
  0x1.4e00000000000p-1, 0x1.b56fa04462000p-2, 0x1.212a4a5b08333p-43,
  0x1.4d00000000000p-1, 0x1.b881aa659c000p-2, -0x1.b65ac58ba5c9cp-45,
  0x1.4c00000000000p-1, 0x1.bb9611b80e000p-2, 0x1.7d85bf40a666dp-45,
  0x1.4b00000000000p-1, 0x1.beacd9e271000p-2, 0x1.5a29bb6e1e6d4p-43,
  0x1.4b00000000000p-1, 0x1.beacd9e271000p-2, 0x1.5a29bb6e1e6d4p-43,
  0x1.4a00000000000p-1, 0x1.c1c60693fa000p-2, 0x1.cec807fe8e180p-45,
  0x1.4900000000000p-1, 0x1.c4e19b8472000p-2, 0x1.e0d23293066a0p-45,
  0x1.4800000000000p-1, 0x1.c7ff9c7455000p-2, 0x1.324911f56db29p-44,
  0x1.4700000000000p-1, 0x1.cb200d2ceb000p-2, 0x1.90b9d9a2cb517p-44,
  0x1.4600000000000p-1, 0x1.ce42f18064000p-2, 0x1.d0d0798270b2ap-44,
  0x1.4600000000000p-1, 0x1.ce42f18064000p-2, 0x1.d0d0798270b2ap-44,
  0x1.4500000000000p-1, 0x1.d1684d49f4000p-2, 0x1.ab9d98a582718p-44,
  0x1.4400000000000p-1, 0x1.d490246def000p-2, 0x1.4d6ebfa69d9eap-43,
  0x1.4300000000000p-1, 0x1.d7ba7ad9e8000p-2, -0x1.3022bb88a325bp-45,
  0x1.4200000000000p-1, 0x1.dae75484c9000p-2, 0x1.856f4a7c8e7a6p-44,
  0x1.4200000000000p-1, 0x1.dae75484c9000p-2, 0x1.856f4a7c8e7a6p-44,
  0x1.4100000000000p-1, 0x1.de16b56ef9000p-2, 0x1.e08cfe6fe4752p-47,
  0x1.4000000000000p-1, 0x1.e148a1a272000p-2, 0x1.b36537e3375b2p-44,
  0x1.3f00000000000p-1, 0x1.e47d1d32e6000p-2, 0x1.df865b95578b8p-44,
  0x1.3f00000000000p-1, 0x1.e47d1d32e6000p-2, 0x1.df865b95578b8p-44,
  0x1.3e00000000000p-1, 0x1.e7b42c3ddb000p-2, -0x1.465505372bd08p-45,
  0x1.3d00000000000p-1, 0x1.eaedd2eac9000p-2, 0x1.218675af26964p-43,
  0x1.3c00000000000p-1, 0x1.ee2a156b41000p-2, 0x1.f27f45a470251p-45,
  0x1.3b00000000000p-1, 0x1.f168f7fb06000p-2, -0x1.d6fb40a7c0c6ep-45,
  0x1.3b00000000000p-1, 0x1.f168f7fb06000p-2, -0x1.d6fb40a7c0c6ep-45,
  0x1.3a00000000000p-1, 0x1.f4aa7ee031000p-2, 0x1.259bcade02951p-43,
  0x1.3900000000000p-1, 0x1.f7eeae6b57000p-2, 0x1.873001acabb96p-44,
  0x1.3800000000000p-1, 0x1.fb358af7a4000p-2, 0x1.1085fa3c16493p-43,
  0x1.3800000000000p-1, 0x1.fb358af7a4000p-2, 0x1.1085fa3c16493p-43,
  0x1.3700000000000p-1, 0x1.fe7f18eb04000p-2, -0x1.60f51ceb37e7ap-45,
  0x1.3600000000000p-1, 0x1.00e5ae5b20800p-1, -0x1.53ba3b1727b1cp-47,
  0x1.3500000000000p-1, 0x1.028d2d6a96000p-1, 0x1.fa3fec303d080p-44,
  0x1.3500000000000p-1, 0x1.028d2d6a96000p-1, 0x1.fa3fec303d080p-44,
  0x1.3400000000000p-1, 0x1.04360be760000p-1, 0x1.d6774030d58c4p-44,
  0x1.3300000000000p-1, 0x1.05e04c1aa2800p-1, 0x1.0180c31729f1dp-43,
  0x1.3300000000000p-1, 0x1.05e04c1aa2800p-1, 0x1.0180c31729f1dp-43,
  0x1.3200000000000p-1, 0x1.078bf0533c000p-1, 0x1.5a048907b7d7fp-43,
  0x1.3100000000000p-1, 0x1.0938fae5d9000p-1, -0x1.65023ebc627dbp-45,
  0x1.3000000000000p-1, 0x1.0ae76e2d05000p-1, 0x1.3e90d710fcfc5p-43,
  0x1.3000000000000p-1, 0x1.0ae76e2d05000p-1, 0x1.3e90d710fcfc5p-43,
  0x1.2f00000000000p-1, 0x1.0c974c8943000p-1, 0x1.cdc0a7cdcbb87p-45,
  0x1.2e00000000000p-1, 0x1.0e4898611c800p-1, 0x1.3853300f002e8p-43,
  0x1.2e00000000000p-1, 0x1.0e4898611c800p-1, 0x1.3853300f002e8p-43,
  0x1.2d00000000000p-1, 0x1.0ffb54213a000p-1, 0x1.1d77bbeeae6bep-43,
  0x1.2c00000000000p-1, 0x1.11af823c75800p-1, 0x1.53cdc223111a7p-44,
  0x1.2c00000000000p-1, 0x1.11af823c75800p-1, 0x1.53cdc223111a7p-44,
  0x1.2b00000000000p-1, 0x1.1365252bf0800p-1, 0x1.930b4c43a97c2p-47,
  0x1.2a00000000000p-1, 0x1.151c3f6f29800p-1, -0x1.edd97a293ae49p-45,
  0x1.2a00000000000p-1, 0x1.151c3f6f29800p-1, -0x1.edd97a293ae49p-45,
  0x1.2900000000000p-1, 0x1.16d4d38c11800p-1, 0x1.fa75d42395d88p-45,
  0x1.2800000000000p-1, 0x1.188ee40f23800p-1, 0x1.29989df1568cap-43,
  0x1.2800000000000p-1, 0x1.188ee40f23800p-1, 0x1.29989df1568cap-43,
  0x1.2700000000000p-1, 0x1.1a4a738b7a000p-1, 0x1.9e2b126042793p-44,
  0x1.2600000000000p-1, 0x1.1c07849ae6000p-1, 0x1.cacdeed70e667p-51,
  0x1.2600000000000p-1, 0x1.1c07849ae6000p-1, 0x1.cacdeed70e667p-51,
  0x1.2500000000000p-1, 0x1.1dc619de06800p-1, 0x1.441b50bb38388p-45,
  0x1.2400000000000p-1, 0x1.1f8635fc61800p-1, -0x1.a7242c9fe81d3p-45,
  0x1.2400000000000p-1, 0x1.1f8635fc61800p-1, -0x1.a7242c9fe81d3p-45,
  0x1.2300000000000p-1, 0x1.2147dba47a000p-1, 0x1.c9d579851b8b6p-44,
  0x1.2200000000000p-1, 0x1.230b0d8beb800p-1, 0x1.25f80cdc90ccfp-43,
  0x1.2200000000000p-1, 0x1.230b0d8beb800p-1, 0x1.25f80cdc90ccfp-43,
  0x1.2100000000000p-1, 0x1.24cfce6f80800p-1, 0x1.669a5268d2115p-43,
  0x1.2000000000000p-1, 0x1.269621134d800p-1, 0x1.c93c1df5bb3b6p-44,
  0x1.2000000000000p-1, 0x1.269621134d800p-1, 0x1.c93c1df5bb3b6p-44,
  0x1.1f00000000000p-1, 0x1.285e0842ca000p-1, 0x1.c1c4d866d5f22p-44,
  0x1.1e00000000000p-1, 0x1.2a2786d0ec000p-1, 0x1.06d2be797882dp-45,
  0x1.1e00000000000p-1, 0x1.2a2786d0ec000p-1, 0x1.06d2be797882dp-45,
  0x1.1d00000000000p-1, 0x1.2bf29f9841800p-1, 0x1.0ec51c30e9dbfp-43,
  0x1.1d00000000000p-1, 0x1.2bf29f9841800p-1, 0x1.0ec51c30e9dbfp-43,
  0x1.1c00000000000p-1, 0x1.2dbf557b0e000p-1, -0x1.7a6e507b9dc11p-46,
  0x1.1b00000000000p-1, 0x1.2f8dab6363000p-1, 0x1.bcccfdd1febc9p-44,
  0x1.1b00000000000p-1, 0x1.2f8dab6363000p-1, 0x1.bcccfdd1febc9p-44,
  0x1.1a00000000000p-1, 0x1.315da44340800p-1, -0x1.74e93c5a0ed9cp-45,
  0x1.1a00000000000p-1, 0x1.315da44340800p-1, -0x1.74e93c5a0ed9cp-45,
  0x1.1900000000000p-1, 0x1.332f4314ad800p-1, -0x1.a96c3d4e8a818p-47,
  0x1.1800000000000p-1, 0x1.35028ad9d8800p-1, 0x1.21707f2a4fcd5p-43,
  0x1.1800000000000p-1, 0x1.35028ad9d8800p-1, 0x1.21707f2a4fcd5p-43,
  0x1.1700000000000p-1, 0x1.36d77e9d35000p-1, -0x1.4a061506115f9p-48,
  0x1.1700000000000p-1, 0x1.36d77e9d35000p-1, -0x1.4a061506115f9p-48,
  0x1.1600000000000p-1, 0x1.38ae217197800p-1, -0x1.18b7abb5569a4p-45,
  0x1.1500000000000p-1, 0x1.3a86767257000p-1, 0x1.112e01e8919cap-45,
  0x1.1500000000000p-1, 0x1.3a86767257000p-1, 0x1.112e01e8919cap-45,
  0x1.1400000000000p-1, 0x1.3c6080c36c000p-1, -0x1.2b7367cfe13c2p-47,
  0x1.1400000000000p-1, 0x1.3c6080c36c000p-1, -0x1.2b7367cfe13c2p-47,
  0x1.1300000000000p-1, 0x1.3e3c43918f800p-1, -0x1.27534c617cda4p-46,
  0x1.1200000000000p-1, 0x1.4019c2125c800p-1, 0x1.498c367879c5ap-44,
  0x1.1200000000000p-1, 0x1.4019c2125c800p-1, 0x1.498c367879c5ap-44,
  0x1.1100000000000p-1, 0x1.41f8ff8471800p-1, 0x1.5843dd74ca690p-43,
  0x1.1100000000000p-1, 0x1.41f8ff8471800p-1, 0x1.5843dd74ca690p-43,
  0x1.1000000000000p-1, 0x1.43d9ff2f92000p-1, 0x1.e267b0b7efae1p-44,
  0x1.1000000000000p-1, 0x1.43d9ff2f92000p-1, 0x1.e267b0b7efae1p-44,
  0x1.0f00000000000p-1, 0x1.45bcc464c8800p-1, 0x1.3a145b00234d8p-45,
  0x1.0f00000000000p-1, 0x1.45bcc464c8800p-1, 0x1.3a145b00234d8p-45,
  0x1.0e00000000000p-1, 0x1.47a1527e8a000p-1, 0x1.69a4a83594fabp-44,
  0x1.0d00000000000p-1, 0x1.4987ace0da800p-1, 0x1.d83ed15c6b2f4p-44,
  0x1.0d00000000000p-1, 0x1.4987ace0da800p-1, 0x1.d83ed15c6b2f4p-44,
  0x1.0c00000000000p-1, 0x1.4b6fd6f970800p-1, 0x1.07dc457b53150p-43,
  0x1.0c00000000000p-1, 0x1.4b6fd6f970800p-1, 0x1.07dc457b53150p-43,
  0x1.0b00000000000p-1, 0x1.4d59d43fda800p-1, 0x1.d0f65949c0a34p-44,
  0x1.0b00000000000p-1, 0x1.4d59d43fda800p-1, 0x1.d0f65949c0a34p-44,
  0x1.0a00000000000p-1, 0x1.4f45a835a5000p-1, -0x1.e6c516d93b8fbp-45,
  0x1.0a00000000000p-1, 0x1.4f45a835a5000p-1, -0x1.e6c516d93b8fbp-45,
  0x1.0900000000000p-1, 0x1.513356667f800p-1, 0x1.15ce532661ea9p-43,
  0x1.0900000000000p-1, 0x1.513356667f800p-1, 0x1.15ce532661ea9p-43,
  0x1.0800000000000p-1, 0x1.5322e26867800p-1, 0x1.5ccc45d257531p-47,
  0x1.0700000000000p-1, 0x1.55144fdbcb800p-1, 0x1.589d66a6522e1p-43,
  0x1.0700000000000p-1, 0x1.55144fdbcb800p-1, 0x1.589d66a6522e1p-43,
  0x1.0600000000000p-1, 0x1.5707a26bb8800p-1, 0x1.19980bff3303ep-43,
  0x1.0600000000000p-1, 0x1.5707a26bb8800p-1, 0x1.19980bff3303ep-43,
  0x1.0500000000000p-1, 0x1.58fcddce00000p-1, 0x1.30e37fe5d2bd1p-43,
  0x1.0500000000000p-1, 0x1.58fcddce00000p-1, 0x1.30e37fe5d2bd1p-43,
  0x1.0400000000000p-1, 0x1.5af405c364800p-1, 0x1.dfa63ac10c9fbp-45,
  0x1.0400000000000p-1, 0x1.5af405c364800p-1, 0x1.dfa63ac10c9fbp-45,
  0x1.0300000000000p-1, 0x1.5ced1e17c3000p-1, 0x1.7156812a0aac6p-43,
  0x1.0300000000000p-1, 0x1.5ced1e17c3000p-1, 0x1.7156812a0aac6p-43,
  0x1.0200000000000p-1, 0x1.5ee82aa241800p-1, 0x1.202380cda46bep-45,
  0x1.0200000000000p-1, 0x1.5ee82aa241800p-1, 0x1.202380cda46bep-45,
  0x1.0100000000000p-1, 0x1.60e52f4578800p-1, 0x1.c6ea5e681638dp-46,
  0x1.0100000000000p-1, 0x1.60e52f4578800p-1, 0x1.c6ea5e681638dp-46,
  0x1.0000000000000p-1, 0x1.62e42fefa3800p-1, 0x1.ef35793c76730p-45,
};

/* 2^e for e = -1074..1023 at e + 1074, by exact doublings and halvings (filled on the first run). */
static double POW2[2098];
static int pow2Ready;

static void initPow2(void) {
  double p = 1;
  for (int e = 0; e <= 1023; e++, p *= 2) POW2[e + 1074] = p;
  p = 1;
  for (int e = 0; e >= -1074; e--, p /= 2) POW2[e + 1074] = p;
  pow2Ready = 1;
}

/* expKernel of elementary.ts with xtail = 0: every range. */
static double expSpecial(double x) {
  if (x != x) return x;
  if (x > 709.79) return INF;
  if (x < -745.2) return 0;
  const double kd = x * 0x1.71547652b82fep+7 + 0x1.8p52 - 0x1.8p52;
  const int ki = (int)kd;
  const double r = x - kd * 0x1.62e42fef80000p-8 - kd * 0x1.1cf79abc9e3b4p-43;
  const int j = (ki & 127) << 1;
  const int e = ki >> 7;
  const double r2 = r * r;
  const double tmp = EXP_TABLE[j + 1] + r + r2 * (0.5 + r * 0x1.5555555555555p-3) +
                     r2 * r2 * (0x1.5555555555555p-5 + r * 0x1.1111111111111p-7);
  if (e > 1021) {
    const double scale = EXP_TABLE[j] * POW2[e - 1 + 1074];
    return (scale + scale * tmp) * 2;
  }
  if (e < -1021) {
    const double scale = EXP_TABLE[j] * POW2[e + 1000 + 1074];
    return (scale + scale * tmp) * POW2[-1000 + 1074];
  }
  const double scale = EXP_TABLE[j] * POW2[e + 1074];
  return scale + scale * tmp;
}

/* exp of elementary.ts. */
static inline double arExp(double x) {
  if (!(x < 704 && x > -704)) return expSpecial(x);
  const double kd = x * 0x1.71547652b82fep+7 + 0x1.8p52 - 0x1.8p52;
  const int ki = (int)kd;
  const double r = x - kd * 0x1.62e42fef80000p-8 - kd * 0x1.1cf79abc9e3b4p-43;
  const int j = (ki & 127) << 1;
  const double scale = EXP_TABLE[j] * POW2[(ki >> 7) + 1074];
  const double r2 = r * r;
  const double tmp = EXP_TABLE[j + 1] + r + r2 * (0.5 + r * 0x1.5555555555555p-3) +
                     r2 * r2 * (0x1.5555555555555p-5 + r * 0x1.1111111111111p-7);
  return scale + scale * tmp;
}

/* ln(x * 2^kOffset) for a normal positive x (logParts of elementary.ts, its high part). The exponent
   from the exponent field; the TypeScript takes it from Math.clz32 for x in [1, 2^31): the same k. */
static inline double logNormal(double x, int kOffset) {
  unsigned long long u;
  __builtin_memcpy(&u, &x, sizeof u);
  const int kx = (int)(u >> 52) - 1023;
  const double z = x * POW2[1074 - kx];
  const int i = (int)((z - 1) * 256) * 3;
  const double t = z * 513;
  const double zh = t - (t - z);
  const double zl = z - zh;
  const double invc = LOG_TABLE[i];
  const double r = zh * invc - 1 + zl * invc;
  const double k = kx + kOffset;
  const double w = k * 0x1.62e42fefa3800p-1 + LOG_TABLE[i + 1];
  const double hi = w + r;
  const double lo = w - hi + r;
  const double r2 = r * r;
  const double p = r2 * (-0.5 + r * 0x1.5555555555555p-2 + r2 * (-0.25 + r * 0x1.999999999999ap-3) +
                         r2 * r2 * (-0x1.5555555555555p-3 + r * 0x1.2492492492492p-3 + r2 * -0.125));
  return hi + (lo + (k * 0x1.ef35793c76730p-45 + LOG_TABLE[i + 2]) + p);
}

/* log of elementary.ts. */
static inline double arLog(double x) {
  if (x >= 0x1p-1022 && x <= 0x1.fffffffffffffp+1023) return logNormal(x, 0);
  if (x != x || x == INF) return x;
  if (x < 0) return __builtin_nan("");
  if (x == 0) return -INF;
  return logNormal(x * 0x1p54, -54);
}

/* exp of two numbers in (-704, 704) at once: lane for lane the steps of arExp (the same bits), the
   arithmetic in both lanes together, the table reads one lane at a time. */
static inline v2d arExp2(v2d x) {
  const v2d kd = x * 0x1.71547652b82fep+7 + 0x1.8p52 - 0x1.8p52;
  const int k0 = (int)kd[0], k1 = (int)kd[1];
  const v2d r = x - kd * 0x1.62e42fef80000p-8 - kd * 0x1.1cf79abc9e3b4p-43;
  const int j0 = (k0 & 127) << 1, j1 = (k1 & 127) << 1;
  const v2d scale = (v2d){EXP_TABLE[j0], EXP_TABLE[j1]} * (v2d){POW2[(k0 >> 7) + 1074], POW2[(k1 >> 7) + 1074]};
  const v2d r2 = r * r;
  const v2d tmp = (v2d){EXP_TABLE[j0 + 1], EXP_TABLE[j1 + 1]} + r + r2 * (0.5 + r * 0x1.5555555555555p-3) +
                  r2 * r2 * (0x1.5555555555555p-5 + r * 0x1.1111111111111p-7);
  return scale + scale * tmp;
}

/* log of two normal positive numbers at once: lane for lane the steps of logNormal (z = x·2^-k is
   the significand with a zero exponent, the same bits as the product by a power of two). */
static inline v2d arLog2(v2d x) {
  v2i u;
  __builtin_memcpy(&u, &x, sizeof u);
  const int k0 = (int)(u[0] >> 52) - 1023, k1 = (int)(u[1] >> 52) - 1023;
  const v2i bits = (u & 0x000fffffffffffffLL) | 0x3ff0000000000000LL;
  v2d z;
  __builtin_memcpy(&z, &bits, sizeof z);
  const v2d at = (z - 1) * 256;
  const int i0 = (int)at[0] * 3, i1 = (int)at[1] * 3;
  const v2d t = z * 513;
  const v2d zh = t - (t - z);
  const v2d zl = z - zh;
  const v2d invc = {LOG_TABLE[i0], LOG_TABLE[i1]};
  const v2d r = zh * invc - 1 + zl * invc;
  const v2d k = {(double)k0, (double)k1};
  const v2d w = k * 0x1.62e42fefa3800p-1 + (v2d){LOG_TABLE[i0 + 1], LOG_TABLE[i1 + 1]};
  const v2d hi = w + r;
  const v2d lo = w - hi + r;
  const v2d r2 = r * r;
  const v2d p = r2 * (-0.5 + r * 0x1.5555555555555p-2 + r2 * (-0.25 + r * 0x1.999999999999ap-3) +
                      r2 * r2 * (-0x1.5555555555555p-3 + r * 0x1.2492492492492p-3 + r2 * -0.125));
  return hi + (lo + (k * 0x1.ef35793c76730p-45 + (v2d){LOG_TABLE[i0 + 2], LOG_TABLE[i1 + 2]}) + p);
}

/* out[e] = exp(x[e]) for e < count (out may be x), two at a time where both are in (-704, 704). */
static void expEach(const double *x, double *out, int count) {
  int e = 0;
  for (; e + 2 <= count; e += 2) {
    const double a = x[e], b = x[e + 1];
    if (a < 704 && a > -704 && b < 704 && b > -704) {
      *(v2d *)(out + e) = arExp2(*(const v2d *)(x + e));
    } else {
      out[e] = arExp(a);
      out[e + 1] = arExp(b);
    }
  }
  for (; e < count; e++) out[e] = arExp(x[e]);
}

/* out[e] = log(x[e]) for e < count, two at a time where both are normal and positive. */
static void logEach(const double *x, double *out, int count) {
  int e = 0;
  for (; e + 2 <= count; e += 2) {
    const double a = x[e], b = x[e + 1];
    if (a >= 0x1p-1022 && a <= 0x1.fffffffffffffp+1023 && b >= 0x1p-1022 && b <= 0x1.fffffffffffffp+1023) {
      *(v2d *)(out + e) = arLog2(*(const v2d *)(x + e));
    } else {
      out[e] = arLog(a);
      out[e + 1] = arLog(b);
    }
  }
  for (; e < count; e++) out[e] = arLog(x[e]);
}

/* One period's rows as sums.ts lays them out: row i covers the entries start[i]..start[i+1] - 1,
   whose capability sits at first[i] + (q - start[i])*M in the state; weights shared or per member. */
typedef struct {
  const int *start;
  const int *first;
  const double *weight;
} Rows;

/* The kernel's state: kernel.ts's DemandKernel, pointers into the image. */
typedef struct {
  int n, M, nM, P, periods, gdpYears, sharedProximity;
  double gdpFirstYear;
  const double *periodStarts, *joins, *lnGdp, *shock;
  const double *pledgeTarget, *pledgeFrom, *pledgeBy, *warExtra, *warUntil, *warFade, *baseline;
  const double *sharedTerms, *sharedEntry, *responds, *entry;
  const unsigned char *base;
  const double *rows;
  double *lnTheta, *lnSpill, *theta, *spill, *gdpNow, *pledgeNow, *pledgeSlope, *pledgeSlopeAhead, *warNow;
  double *target, *scratch;
  double termsTime;
} Kernel;

static Rows rowsOf(const Kernel *c, int p, int friendly) {
  const double *r = c->rows + 6 * p + 3 * friendly;
  Rows out = {(const int *)(c->base + (long)r[0]), (const int *)(c->base + (long)r[1]),
              (const double *)(c->base + (long)r[2])};
  return out;
}

static inline v2d load2(const double *p) { return *(const v2d *)p; }
static inline void store2(double *p, v2d v) { *(v2d *)p = v; }

/* sumShared and sumPerMember of sums.ts: out[i*M + m] = sum over q of w_q K, in entry order, eight
   members at a time (four lanes of two), then one at a time. */
static void sumRows(const Kernel *c, Rows r, const double *y, double *out) {
  const int n = c->n, M = c->M;
  const int shared = c->sharedProximity;
  for (int i = 0; i < n; i++) {
    const int q0 = r.start[i], q1 = r.start[i + 1];
    const int k0 = r.first[i];
    const int o = i * M;
    int m = 0;
    for (; m + 8 <= M; m += 8) {
      v2d a0 = {0, 0}, a1 = {0, 0}, a2 = {0, 0}, a3 = {0, 0};
      const double *k = y + k0 + m;
      if (shared) {
        for (int q = q0; q < q1; q++, k += M) {
          const double ws = r.weight[q];
          const v2d w = {ws, ws};
          a0 += w * load2(k);
          a1 += w * load2(k + 2);
          a2 += w * load2(k + 4);
          a3 += w * load2(k + 6);
        }
      } else {
        for (int q = q0; q < q1; q++, k += M) {
          const double *w = r.weight + (long)q * M + m;
          a0 += load2(w) * load2(k);
          a1 += load2(w + 2) * load2(k + 2);
          a2 += load2(w + 4) * load2(k + 4);
          a3 += load2(w + 6) * load2(k + 6);
        }
      }
      store2(out + o + m, a0);
      store2(out + o + m + 2, a1);
      store2(out + o + m + 4, a2);
      store2(out + o + m + 6, a3);
    }
    for (; m < M; m++) {
      double a = 0;
      int k = k0 + m;
      for (int q = q0; q < q1; q++, k += M) a += (shared ? r.weight[q] : r.weight[(long)q * M + m]) * y[k];
      out[o + m] = a;
    }
  }
}

/* The period of membership that holds time t. */
static int periodAt(const Kernel *c, double t) {
  int p = 0;
  while (p + 1 < c->periods && t >= c->periodStarts[p + 1]) p++;
  return p;
}

/* exposures of sums.ts: Θ and Φ for state y in period p, then their logarithms where the
   derivative reads them. */
static void exposures(Kernel *c, int p, const double *y, double *theta, double *spill) {
  sumRows(c, rowsOf(c, p, 0), y, theta);
  sumRows(c, rowsOf(c, p, 1), y, spill);
  const int M = c->M;
  for (int i = 0; i < c->n; i++) {
    const int bits = (int)c->responds[i];
    if (bits & 1) logEach(theta + i * M, c->lnTheta + i * M, M);
    if (bits & 2) logEach(spill + i * M, c->lnSpill + i * M, M);
  }
}

/* warBurden of war.ts. */
static inline double warBurden(double extra, double until, double fade, double t) {
  if (t < until) return extra;
  if (fade <= 0) return 0;
  const double left = 1 - (t - until) / fade;
  return extra * (left > 0 ? left : 0);
}

/* timeTerms of time-terms.ts: GDP, the highest pledge path once an ally with its slopes just before
   and after t, and the war burden of every entry at t. */
static void timeTerms(Kernel *c, double t) {
  if (t == c->termsTime) return;
  const int n = c->n, M = c->M, nM = c->nM, P = c->P, Y = c->gdpYears;
  const double p = t - 0.5 - c->gdpFirstYear;
  int k = (int)__builtin_floor(p);
  if (k < 0) k = 0;
  if (k > Y - 2) k = Y - 2;
  const double f = p - k;
  for (int i = 0; i < n; i++) {
    const double la = c->lnGdp[i * Y + k];
    const double lb = c->lnGdp[i * Y + k + 1];
    const int o0 = i * M;
    if (c->shock == 0) {
      const double g = arExp(la + f * (lb - la));
      for (int o = o0; o < o0 + M; o++) c->gdpNow[o] = g;
    } else {
      for (int o = o0; o < o0 + M; o++) {
        const double a = la + c->shock[(long)k * nM + o];
        const double b = lb + c->shock[(long)(k + 1) * nM + o];
        c->gdpNow[o] = a + f * (b - a);
      }
    }
    const int ally = P > 0 && t >= c->joins[i];
    const int last = c->sharedTerms[i] == 1 ? o0 + 1 : o0 + M;
    for (int o = o0; o < last; o++) {
      double pledge = -INF;
      double before = 0;
      double after = 0;
      if (ally) {
        const double b = c->baseline[o];
        for (int q = o; q < P * nM; q += nM) {
          const double target = c->pledgeTarget[q];
          const double from = c->pledgeFrom[q];
          const double by = c->pledgeBy[q];
          const double v = t <= from ? b : t >= by ? target : b + ((target - b) * (t - from)) / (by - from);
          const double rate = by > from ? (target - b) / (by - from) : 0;
          const double left = t > from && t <= by ? rate : 0;
          const double right = t >= from && t < by ? rate : 0;
          if (v > pledge) {
            pledge = v;
            before = left;
            after = right;
          } else if (v == pledge) {
            if (left < before) before = left;
            if (right > after) after = right;
          }
        }
      }
      c->pledgeNow[o] = pledge;
      c->pledgeSlope[o] = before;
      c->pledgeSlopeAhead[o] = after;
      c->warNow[o] = warBurden(c->warExtra[o], c->warUntil[o], c->warFade[o], t);
    }
    for (int o = last; o < o0 + M; o++) {
      c->pledgeNow[o] = c->pledgeNow[o0];
      c->pledgeSlope[o] = c->pledgeSlope[o0];
      c->pledgeSlopeAhead[o] = c->pledgeSlopeAhead[o0];
      c->warNow[o] = c->warNow[o0];
    }
  }
  if (c->shock != 0) expEach(c->gdpNow, c->gdpNow, nM);
  c->termsTime = t;
}

/* derive of derive.ts: s* into target, dy/dt into out. */
static void derive(const Kernel *c, const double *y, const double *spill, const double *slope, double *target,
                   double *out) {
  const int M = c->M, nM = c->nM;
  const double *e = c->entry;
  double eps = 0, eta = 0, lnTheta0 = 0, lnSpill0 = 0;
  int next = 0;
  for (int o = 0; o < nM; o++) {
    if (o == next) {
      const double *q = e + (long)o * ENTRY;
      eps = q[4];
      eta = q[5];
      lnTheta0 = q[6];
      lnSpill0 = q[7];
      next = c->sharedEntry[o / M] == 1 ? o + M : o + 1;
    }
    double exponent = 0;
    if (eps != 0) exponent += eps * (c->lnTheta[o] - lnTheta0);
    if (eta != 0 && spill[o] > 0) exponent -= eta * (c->lnSpill[o] - lnSpill0);
    target[o] = exponent;
  }
  /* exp of the actors that respond; exp(0) = 1 exactly for the others. */
  for (int i = 0; i < c->n; i++) {
    if (c->responds[i] != 0)
      expEach(target + i * M, target + i * M, M);
    else
      for (int o = i * M; o < (i + 1) * M; o++) target[o] = 1;
  }
  double speed = 0, build = 0, depreciation = 0, baseline = 0, compliance = 0, lo = 0, hi = 0, reach = 0;
  next = 0;
  for (int o = 0; o < nM; o++) {
    if (o == next) {
      const double *q = e + (long)o * ENTRY;
      speed = q[0];
      build = q[1];
      depreciation = q[2];
      baseline = q[3];
      compliance = q[8];
      lo = q[9];
      hi = q[10];
      reach = q[11];
      next = c->sharedEntry[o / M] == 1 ? o + M : o + 1;
    }
    const double u = baseline * target[o];
    const double pledge = c->pledgeNow[o];
    double goal = u + (pledge > u ? compliance * (pledge - u) : 0) + c->warNow[o];
    if (goal < lo) goal = lo;
    if (goal > hi) goal = hi;
    target[o] = goal;
    const double s = y[o];
    double rate = speed * (goal - s);
    if (s - pledge <= reach) {
      const double floor = slope[o] + BINDING_FLOOR_RETURN * (pledge - s);
      if (floor > rate) rate = floor;
    }
    out[o] = rate;
    out[nM + o] = build * s * c->gdpNow[o] - depreciation * y[nM + o];
  }
}

/* evaluate of derive.ts: the model's derivative. */
static void evaluate(Kernel *c, double t, const double *y, double *out) {
  exposures(c, periodAt(c, t), y, c->theta, c->spill);
  timeTerms(c, t);
  derive(c, y, c->spill, c->pledgeSlope, c->target, out);
}

/* A sample's snapshot (annual-means.ts's DemandSnapshot). */
typedef struct {
  double *gdp, *spending, *threat, *spillIn, *target;
} Snapshot;

/* observe of derive.ts: the snapshot at (t, y), and with dydt the derivative from the same sums. */
static void observe(Kernel *c, double t, const double *y, Snapshot *out, double *dydt) {
  exposures(c, periodAt(c, t), y, out->threat, out->spillIn);
  timeTerms(c, t);
  derive(c, y, out->spillIn, c->pledgeSlopeAhead, out->target, dydt != 0 ? dydt : c->scratch);
  for (int o = 0; o < c->nM; o++) {
    const double s = y[o];
    const double g = c->gdpNow[o];
    out->gdp[o] = g;
    out->spending[o] = s * g;
  }
}

/* rk4Step of rk4.ts, in place. */
static void rk4Step(Kernel *c, double t, double *y, double h, double *k1, double *k2, double *k3, double *k4,
                    double *trial, int size, int firstStageReady) {
  const double half = 0.5 * h;
  if (!firstStageReady) evaluate(c, t, y, k1);
  for (int i = 0; i < size; i++) trial[i] = y[i] + half * k1[i];
  evaluate(c, t + half, trial, k2);
  for (int i = 0; i < size; i++) trial[i] = y[i] + half * k2[i];
  evaluate(c, t + half, trial, k3);
  for (int i = 0; i < size; i++) trial[i] = y[i] + h * k3[i];
  evaluate(c, t + h, trial, k4);
  const double sixth = h / 6;
  for (int i = 0; i < size; i++) y[i] = y[i] + sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
}

/* addSample of annual-means.ts. */
static void addSample(double *current, int nM, double w, const Snapshot *snap, const double *state) {
  for (int o = 0; o < nM; o++) {
    current[o] = current[o] + w * snap->gdp[o];
    current[nM + o] = current[nM + o] + w * snap->spending[o];
    current[2 * nM + o] = current[2 * nM + o] + w * state[nM + o];
    current[3 * nM + o] = current[3 * nM + o] + w * snap->threat[o];
    current[4 * nM + o] = current[4 * nM + o] + w * snap->spillIn[o];
  }
}

/* exp and log of count doubles at x into out: for the tests that hold them to the TypeScript's bits. */
void armsrace_exp_each(const double *x, double *out, int count) {
  if (!pow2Ready) initPow2();
  expEach(x, out, count);
}

void armsrace_log_each(const double *x, double *out, int count) {
  if (!pow2Ready) initPow2();
  logEach(x, out, count);
}

#define AT(h) ((void *)(base + (long)header[h]))

/*
 * integrateAnnual of annual-means.ts with RK4: integrate the image's chunk from its initial state,
 * filling the annual means and the states at the start of every year. Returns the RK4 steps taken,
 * or -1 when the image's version or scratch size is not this kernel's.
 */
int armsrace_integrate(unsigned char *base) {
  const double *header = (const double *)base;
  if (header[H_VERSION] != KERNEL_IMAGE_VERSION) return -1;
  if (!pow2Ready) initPow2();
  Kernel c;
  c.base = base;
  c.n = (int)header[H_N];
  c.M = (int)header[H_M];
  c.nM = c.n * c.M;
  c.P = (int)header[H_P];
  c.periods = (int)header[H_PERIODS];
  c.gdpYears = (int)header[H_GDP_YEARS];
  c.gdpFirstYear = header[H_GDP_FIRST_YEAR];
  c.sharedProximity = header[H_SHARED_PROXIMITY] != 0;
  c.periodStarts = AT(H_PERIOD_STARTS);
  c.joins = AT(H_JOINS);
  c.lnGdp = AT(H_LN_GDP);
  c.shock = header[H_SHOCK] == 0 ? 0 : AT(H_SHOCK);
  c.pledgeTarget = AT(H_PLEDGE_TARGET);
  c.pledgeFrom = AT(H_PLEDGE_FROM);
  c.pledgeBy = AT(H_PLEDGE_BY);
  c.warExtra = AT(H_WAR_EXTRA);
  c.warUntil = AT(H_WAR_UNTIL);
  c.warFade = AT(H_WAR_FADE);
  c.baseline = AT(H_BASELINE);
  c.sharedTerms = AT(H_SHARED_TERMS);
  c.sharedEntry = AT(H_SHARED_ENTRY);
  c.responds = AT(H_RESPONDS);
  c.entry = AT(H_ENTRY);
  c.rows = AT(H_ROWS);
  c.termsTime = __builtin_nan("");
  const int nM = c.nM;
  const int size = 2 * nM;
  if (header[H_SCRATCH_DOUBLES] < (double)SCRATCH_PER_ENTRY * nM) return -1;
  double *s = AT(H_SCRATCH);
  c.lnTheta = s;
  c.lnSpill = s + nM;
  c.theta = s + 2 * nM;
  c.spill = s + 3 * nM;
  c.gdpNow = s + 4 * nM;
  c.pledgeNow = s + 5 * nM;
  c.pledgeSlope = s + 6 * nM;
  c.pledgeSlopeAhead = s + 7 * nM;
  c.warNow = s + 8 * nM;
  c.target = s + 9 * nM;
  c.scratch = s + 10 * nM;                  /* 2 nM */
  double *k1 = s + 12 * nM, *k2 = s + 14 * nM, *k3 = s + 16 * nM, *k4 = s + 18 * nM, *trial = s + 20 * nM;
  double *y = s + 22 * nM;                  /* 2 nM */
  double *current = s + 24 * nM;            /* 5 nM */
  Snapshot snap = {s + 29 * nM, s + 30 * nM, s + 31 * nM, s + 32 * nM, s + 33 * nM};

  const double *initial = AT(H_INITIAL);
  for (int i = 0; i < size; i++) y[i] = initial[i];
  double *gdp = AT(H_GDP), *spending = AT(H_SPENDING), *capability = AT(H_CAPABILITY);
  double *threat = AT(H_THREAT), *spillIn = AT(H_SPILL_IN), *yearStates = AT(H_YEAR_STATES);
  const double start = header[H_START];
  const int nYears = (int)(header[H_END] - start);
  const int perYear = (int)header[H_PER_YEAR];
  const double h = header[H_STEP];
  const int samples = nYears * perYear + 1;
  int steps = 0;
  for (int k = 0; k < samples; k++) {
    const double t = start + (double)k / perYear;
    const int last = k == samples - 1;
    observe(&c, t, y, &snap, last ? 0 : k1);
    /* accumulateSample of annual-means.ts. */
    const int year = k / perYear;
    const int boundary = k % perYear == 0;
    if (boundary)
      for (int i = 0; i < size; i++) yearStates[(long)year * size + i] = y[i];
    if (boundary && year >= 1) {
      addSample(current, nM, 0.5 / perYear, &snap, y);
      for (int o = 0; o < nM; o++) {
        const long cell = (long)o * nYears + year - 1;
        gdp[cell] = current[o];
        spending[cell] = current[nM + o];
        capability[cell] = current[2 * nM + o];
        threat[cell] = current[3 * nM + o];
        spillIn[cell] = current[4 * nM + o];
      }
    }
    if (boundary)
      for (int i = 0; i < 5 * nM; i++) current[i] = 0;
    if (year < nYears) addSample(current, nM, (boundary ? 0.5 : 1.0) / perYear, &snap, y);
    if (last) break;
    const double next = start + (double)(k + 1) / perYear;
    /* rk4StepCount of rk4.ts. */
    double count = __builtin_ceil((next - t) / h - STEP_COUNT_SLACK);
    if (!(count >= 1)) count = 1;
    const int steps1 = (int)count;
    for (int j = 0; j < steps1 - 1; j++) rk4Step(&c, t + j * h, y, h, k1, k2, k3, k4, trial, size, j == 0);
    const double tLast = t + (steps1 - 1) * h;
    rk4Step(&c, tLast, y, next - tLast, k1, k2, k3, k4, trial, size, steps1 == 1);
    steps += steps1;
  }
  return steps;
}
