/*
 * The ensemble kernel of the alliance-demand model (src/core/model/demand.ts with
 * src/core/model/annual-means.ts and src/core/solve/rk4.ts) in C, as a reference for the
 * TypeScript kernel's speed and results.
 *
 * The same layout and loops: members side by side in flat arrays with the members innermost
 * (variable v of member m at v*M + m, so actor i's burden at i*M + m and its capability at
 * (n + i)*M + m); per actor the threat and spill-in are sums over the compressed rows of
 * adversaries and allies of the current membership period, eight members at a time, with one
 * proximity matrix shared by the members or one per member (the TypeScript kernel reads each row
 * as one run of columns with weight 0 for a column in between that is neither, which adds exact
 * zeros; here the compressed rows are faster); the desired burden is one exp of the log-ratios (exp
 * and log from the same tables and steps as src/core/solve/elementary.ts), an actor's constants
 * read once when all members share them; GDP, pledge paths and war terms are computed once per
 * distinct time; GDP is log-linear between mid-year points plus per-member log shocks; classical
 * RK4 at a fixed step hitting every sample time, each sample's sums serving the next step's first
 * stage; annual means by the trapezoid rule over the samples. Members run in chunks (32 in the
 * ensemble), one model per chunk.
 *
 * Input: a file of little-endian doubles written by bench/ensemble.bench.ts (layout in
 * read_input). Output: per member, the sum over actors and years of the annual mean burden
 * (spending / GDP) and of the annual mean spending, as doubles, to the output file.
 *
 * Usage: demand-kernel INPUT OUTPUT [REPEATS]
 * Prints: "seconds <median wall> best <best wall> cpu <median CPU> repeats <r> members <M> years <Y>".
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * exp and log as in src/core/solve/elementary.ts: the same tables, the same polynomials and the same
 * operations in the same order (compiled with -ffp-contract=off, so no fused multiply-add), hence
 * the same bits as the TypeScript kernel. Tables from scripts/elementary-tables.py (mpmath).
 */
#include <stdint.h>

/* 2^(j/128), j = 0..127: the nearest double and the relative tail. */
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

/* 2^e for e = -1074..1023 at e + 1074. */
static double POW2[2098];

static void init_pow2(void) {
  double p = 1;
  for (int e = 0; e <= 1023; e++, p *= 2) POW2[e + 1074] = p;
  p = 1;
  for (int e = 0; e >= -1074; e--, p /= 2) POW2[e + 1074] = p;
}

static double ar_exp_special(double x) {
  if (isnan(x)) return x;
  if (x > 709.79) return INFINITY;
  if (x < -745.2) return 0;
  const double kd = x * 0x1.71547652b82fep+7 + 0x1.8p52 - 0x1.8p52;
  const int ki = (int)kd;
  const double r = x - kd * 0x1.62e42fef80000p-8 - kd * 0x1.1cf79abc9e3b4p-43;
  const int j = (ki & 127) << 1;
  const int e = ki >> 7;
  const double r2 = r * r;
  const double tmp = EXP_TABLE[j + 1] + r + r2 * (0.5 + r * 0x1.5555555555555p-3) + r2 * r2 * (0x1.5555555555555p-5 + r * 0x1.1111111111111p-7);
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

static inline double ar_exp(double x) {
  if (!(x < 704 && x > -704)) return ar_exp_special(x);
  const double kd = x * 0x1.71547652b82fep+7 + 0x1.8p52 - 0x1.8p52;
  const int ki = (int)kd;
  const double r = x - kd * 0x1.62e42fef80000p-8 - kd * 0x1.1cf79abc9e3b4p-43;
  const int j = (ki & 127) << 1;
  const double scale = EXP_TABLE[j] * POW2[(ki >> 7) + 1074];
  const double r2 = r * r;
  const double tmp = EXP_TABLE[j + 1] + r + r2 * (0.5 + r * 0x1.5555555555555p-3) + r2 * r2 * (0x1.5555555555555p-5 + r * 0x1.1111111111111p-7);
  return scale + scale * tmp;
}

/* ln(x * 2^kOffset) for a normal positive x. The exponent from the exponent field (the TypeScript
   takes it from Math.clz32 of the integer part for x in [1, 2^31): the same k). */
static inline double ar_log_normal(double x, int kOffset) {
  uint64_t u;
  memcpy(&u, &x, sizeof u);
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
  const double p = r2 * (-0.5 + r * 0x1.5555555555555p-2 + r2 * (-0.25 + r * 0x1.999999999999ap-3) + r2 * r2 * (-0x1.5555555555555p-3 + r * 0x1.2492492492492p-3 + r2 * -0.125));
  return hi + (lo + (k * 0x1.ef35793c76730p-45 + LOG_TABLE[i + 2]) + p);
}

static double ar_log_special(double x) {
  if (isnan(x) || x == INFINITY) return x;
  if (x < 0) return NAN;
  if (x == 0) return -INFINITY;
  return ar_log_normal(x * 0x1p54, -54);
}

static inline double ar_log(double x) {
  if (!(x >= 0x1p-1022 && x <= 0x1.fffffffffffffp+1023)) return ar_log_special(x);
  return ar_log_normal(x, 0);
}

typedef struct {
  int n, members, chunk, P, periods, gdpYears, start, end, gdpFirstYear, samplesPerYear, hasShock, chunks;
  double stepYears;
  double *periodStarts;
  int **hs, **hc, **fs, **fc; /* per period: compressed rows of adversaries (h) and allies (f) */
  double *joins, *lnGdp;
  double *eps, *eta, *speed, *kappa, *phi, *sMin, *sMax, *warExtra, *warUntil, *warFade;
  double *baseline, *threatRef, *spillRef, *lnThreat0, *lnSpill0;
  double *pledgeTarget, *pledgeFrom, *pledgeBy;
  double *depreciation, *shock, *initialState;
  int *sharedWeight;  /* per chunk: 1 when its members share one proximity matrix */
  double **weight;    /* per chunk: n*n (shared) or n*n*M, (i*n + j)*M + m */
} Input;

typedef struct SumRows SumRows;

/* One chunk of M members: views into the input at the chunk's first member, and scratch. */
typedef struct {
  const Input *in;
  int M, nM, shared;
  const double *eps, *eta, *speed, *kappa, *phi, *sMin, *sMax, *warExtra, *warUntil, *warFade;
  const double *baseline, *threatRef, *spillRef, *lnThreat0, *lnSpill0;
  const double *pledgeTarget, *pledgeFrom, *pledgeBy;
  const double *weight, *shock;
  double *depreciation;                  /* member m's at every i*M + m */
  double *threatElasticity, *spillElasticity; /* eps (eta) where the term applies, else 0 */
  double *theta, *spill, *gdpNow, *pledgeNow, *warNow;
  double *lnTheta, *lnSpill; /* ln of the last sums, as the TypeScript kernel's logEach */
  double termsTime;
  unsigned char *sharedTerms; /* per actor: all members share its pledges, baseline and war terms */
  unsigned char *sharedEntry; /* per actor: all members share the constants of the derivative */
  SumRows *hostile, *friendly; /* per period */
} Chunk;

static const double *cursor;
static const double *cursorEnd;

static double take(void) {
  if (cursor >= cursorEnd) {
    fprintf(stderr, "demand-kernel: input file too short\n");
    exit(2);
  }
  return *cursor++;
}

static double *takeArray(size_t count) {
  if (cursor + count > cursorEnd) {
    fprintf(stderr, "demand-kernel: input file too short\n");
    exit(2);
  }
  double *out = malloc(count * sizeof(double) + 1);
  memcpy(out, cursor, count * sizeof(double));
  cursor += count;
  return out;
}

static int *takeInts(size_t count) {
  int *out = malloc(count * sizeof(int) + 1);
  for (size_t k = 0; k < count; k++) out[k] = (int)take();
  return out;
}

static void read_input(const char *path, Input *in) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  double *all = malloc((size_t)bytes);
  if (fread(all, 1, (size_t)bytes, f) != (size_t)bytes) {
    fprintf(stderr, "demand-kernel: cannot read %s\n", path);
    exit(2);
  }
  fclose(f);
  cursor = all;
  cursorEnd = all + bytes / (long)sizeof(double);

  in->n = (int)take();
  in->members = (int)take();
  in->chunk = (int)take();
  in->P = (int)take();
  in->periods = (int)take();
  in->gdpYears = (int)take();
  in->start = (int)take();
  in->end = (int)take();
  in->gdpFirstYear = (int)take();
  in->stepYears = take();
  in->samplesPerYear = (int)take();
  in->hasShock = (int)take();
  const int n = in->n, M = in->members, P = in->P;
  in->chunks = (M + in->chunk - 1) / in->chunk;
  in->periodStarts = takeArray((size_t)in->periods);
  in->hs = malloc(sizeof(int *) * (size_t)in->periods);
  in->hc = malloc(sizeof(int *) * (size_t)in->periods);
  in->fs = malloc(sizeof(int *) * (size_t)in->periods);
  in->fc = malloc(sizeof(int *) * (size_t)in->periods);
  for (int p = 0; p < in->periods; p++) {
    in->hs[p] = takeInts((size_t)n + 1);
    in->hc[p] = takeInts((size_t)take());
    in->fs[p] = takeInts((size_t)n + 1);
    in->fc[p] = takeInts((size_t)take());
  }
  in->joins = takeArray((size_t)n);
  in->lnGdp = takeArray((size_t)n * (size_t)in->gdpYears);
  /* Per-member arrays: the chunks one after the other, each chunk's members innermost. */
  const size_t nm = (size_t)n * (size_t)M;
  in->eps = takeArray(nm);
  in->eta = takeArray(nm);
  in->speed = takeArray(nm);
  in->kappa = takeArray(nm);
  in->phi = takeArray(nm);
  in->sMin = takeArray(nm);
  in->sMax = takeArray(nm);
  in->warExtra = takeArray(nm);
  in->warUntil = takeArray(nm);
  in->warFade = takeArray(nm);
  in->baseline = takeArray(nm);
  in->threatRef = takeArray(nm);
  in->spillRef = takeArray(nm);
  in->lnThreat0 = takeArray(nm);
  in->lnSpill0 = takeArray(nm);
  in->pledgeTarget = takeArray(nm * (size_t)P);
  in->pledgeFrom = takeArray(nm * (size_t)P);
  in->pledgeBy = takeArray(nm * (size_t)P);
  in->depreciation = takeArray((size_t)M);
  in->sharedWeight = malloc(sizeof(int) * (size_t)in->chunks);
  in->weight = malloc(sizeof(double *) * (size_t)in->chunks);
  for (int c = 0; c < in->chunks; c++) {
    const int first = c * in->chunk;
    const int count = M - first < in->chunk ? M - first : in->chunk;
    in->sharedWeight[c] = (int)take();
    in->weight[c] = takeArray((size_t)n * n * (in->sharedWeight[c] ? 1 : (size_t)count));
  }
  in->shock = in->hasShock ? takeArray(nm * (size_t)in->gdpYears) : NULL;
  in->initialState = takeArray(2 * nm);
  if (cursor != cursorEnd) {
    fprintf(stderr, "demand-kernel: %ld doubles left over in the input\n", (long)(cursorEnd - cursor));
    exit(2);
  }
  free(all);
}

static inline double warAt(const Chunk *c, int o, double t) {
  const double until = c->warUntil[o];
  if (t < until) return c->warExtra[o];
  const double fade = c->warFade[o];
  double left = 1 - (t - until) / fade;
  if (left < 0) left = 0;
  return fade <= 0 ? 0 : c->warExtra[o] * left;
}

/* Object.is for doubles: the same bits (NaN equal to NaN, 0 apart from -0). */
static inline int sameBits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* GDP, the highest pledge path once an ally, and the war burden of every entry at time t. */
static void timeTerms(Chunk *c, double t) {
  if (t == c->termsTime) return;
  const Input *in = c->in;
  const int n = in->n, Y = in->gdpYears, M = c->M, nM = c->nM, P = in->P;
  const double p = t - 0.5 - in->gdpFirstYear;
  int k = (int)floor(p);
  if (k < 0) k = 0;
  if (k > Y - 2) k = Y - 2;
  const double f = p - k;
  for (int i = 0; i < n; i++) {
    const double la = in->lnGdp[i * Y + k];
    const double lb = in->lnGdp[i * Y + k + 1];
    const int o0 = i * M;
    if (c->shock == NULL) {
      const double g = ar_exp(la + f * (lb - la));
      for (int o = o0; o < o0 + M; o++) c->gdpNow[o] = g;
    } else {
      for (int o = o0; o < o0 + M; o++) {
        const double a = la + c->shock[(size_t)k * nM + o];
        const double b = lb + c->shock[(size_t)(k + 1) * nM + o];
        c->gdpNow[o] = ar_exp(a + f * (b - a));
      }
    }
    const int ally = P > 0 && t >= in->joins[i];
    /* Members that share the actor's terms share the results: one member's, copied. */
    const int last = c->sharedTerms[i] ? o0 + 1 : o0 + M;
    for (int o = o0; o < last; o++) {
      double pledge = -INFINITY;
      if (ally) {
        const double b = c->baseline[o];
        for (int q = o; q < P * nM; q += nM) {
          const double from = c->pledgeFrom[q];
          const double by = c->pledgeBy[q];
          const double p1 = c->pledgeTarget[q];
          const double pv = t <= from ? b : t >= by ? p1 : b + ((p1 - b) * (t - from)) / (by - from);
          if (pv > pledge) pledge = pv;
        }
      }
      c->pledgeNow[o] = pledge;
      c->warNow[o] = warAt(c, o, t);
    }
    for (int o = last; o < o0 + M; o++) {
      c->pledgeNow[o] = c->pledgeNow[o0];
      c->warNow[o] = c->warNow[o0];
    }
  }
  c->termsTime = t;
}

static inline int periodAt(const Input *in, double t) {
  int p = 0;
  while (p + 1 < in->periods && t >= in->periodStarts[p + 1]) p++;
  return p;
}

/* One period's rows as the sums read them: per compressed-row entry q, the offset of its column's
   capability in the state ((n + j)*M) and its weight, shared or per member at q*M + m. */
struct SumRows {
  const int *start;
  int *offset;
  double *weight;
};

static SumRows sumRowsOf(const Chunk *c, const int *start, const int *column) {
  const int n = c->in->n, M = c->M;
  const int count = start[n];
  SumRows r = {start, malloc(sizeof(int) * (count + 1)), malloc(sizeof(double) * ((size_t)count * (c->shared ? 1 : M) + 1))};
  for (int i = 0; i < n; i++) {
    for (int q = start[i]; q < start[i + 1]; q++) {
      const int j = column[q];
      r.offset[q] = (n + j) * M;
      if (c->shared) r.weight[q] = c->weight[i * n + j];
      else memcpy(r.weight + (size_t)q * M, c->weight + (size_t)(i * n + j) * M, sizeof(double) * M);
    }
  }
  return r;
}

/* out[i*M + m] = sum over the row's entries q of w_q K_j(q) (in column order), eight members at a time. */
static void sumRows(const Chunk *c, const SumRows *r, const double *y, double *out) {
  const int n = c->in->n, M = c->M;
  const int *start = r->start, *offset = r->offset;
  const double *w = r->weight;
  for (int i = 0; i < n; i++) {
    const int q0 = start[i], q1 = start[i + 1];
    const int o = i * M;
    int m = 0;
    if (c->shared) {
      for (; m + 8 <= M; m += 8) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        for (int q = q0; q < q1; q++) {
          const double wq = w[q];
          const double *k = y + offset[q] + m;
          a0 += wq * k[0];
          a1 += wq * k[1];
          a2 += wq * k[2];
          a3 += wq * k[3];
          a4 += wq * k[4];
          a5 += wq * k[5];
          a6 += wq * k[6];
          a7 += wq * k[7];
        }
        out[o + m] = a0;
        out[o + m + 1] = a1;
        out[o + m + 2] = a2;
        out[o + m + 3] = a3;
        out[o + m + 4] = a4;
        out[o + m + 5] = a5;
        out[o + m + 6] = a6;
        out[o + m + 7] = a7;
      }
      for (; m < M; m++) {
        double a = 0;
        for (int q = q0; q < q1; q++) a += w[q] * y[offset[q] + m];
        out[o + m] = a;
      }
    } else {
      for (; m + 8 <= M; m += 8) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        for (int q = q0; q < q1; q++) {
          const double *wq = w + (size_t)q * M + m;
          const double *k = y + offset[q] + m;
          a0 += wq[0] * k[0];
          a1 += wq[1] * k[1];
          a2 += wq[2] * k[2];
          a3 += wq[3] * k[3];
          a4 += wq[4] * k[4];
          a5 += wq[5] * k[5];
          a6 += wq[6] * k[6];
          a7 += wq[7] * k[7];
        }
        out[o + m] = a0;
        out[o + m + 1] = a1;
        out[o + m + 2] = a2;
        out[o + m + 3] = a3;
        out[o + m + 4] = a4;
        out[o + m + 5] = a5;
        out[o + m + 6] = a6;
        out[o + m + 7] = a7;
      }
      for (; m < M; m++) {
        double a = 0;
        for (int q = q0; q < q1; q++) a += w[(size_t)q * M + m] * y[offset[q] + m];
        out[o + m] = a;
      }
    }
  }
}

/* Θ and Φ of every actor and member for state y in period p, and their logarithms. */
static void exposures(const Chunk *c, int p, const double *y, double *theta, double *spill) {
  sumRows(c, &c->hostile[p], y, theta);
  sumRows(c, &c->friendly[p], y, spill);
  for (int o = 0; o < c->nM; o++) c->lnTheta[o] = ar_log(theta[o]);
  for (int o = 0; o < c->nM; o++) c->lnSpill[o] = ar_log(spill[o]);
}

/* s* and dy/dt of entries from … to − 1, which share the constants of entry `from`: the constants
   are read where they change, once per actor whose members share them, else at every entry (the
   TypeScript kernel's order of reads). The time terms must be those of the current time. */
static inline void deriveRange(const Chunk *c, const double *y, const double *sp, double *out, int from, int to) {
  const int nM = c->nM;
  const double b = c->baseline[from];
  const double e = c->threatElasticity[from];
  const double h = c->spillElasticity[from];
  const double lnThreat0 = c->lnThreat0[from];
  const double lnSpill0 = c->lnSpill0[from];
  const double kappa = c->kappa[from];
  const double lo = c->sMin[from];
  const double hi = c->sMax[from];
  const double speed = c->speed[from];
  const double phi = c->phi[from];
  const double delta = c->depreciation[from];
  for (int o = from; o < to; o++) {
    double exponent = 0;
    if (e != 0) exponent += e * (c->lnTheta[o] - lnThreat0);
    if (h != 0 && sp[o] > 0) exponent -= h * (c->lnSpill[o] - lnSpill0);
    const double u = exponent == 0 ? b : b * ar_exp(exponent);
    const double pledge = c->pledgeNow[o];
    double target = u + (pledge > u ? kappa * (pledge - u) : 0) + c->warNow[o];
    if (target < lo) target = lo;
    if (target > hi) target = hi;
    const double s = y[o];
    out[o] = speed * (target - s);
    out[nM + o] = phi * s * c->gdpNow[o] - delta * y[nM + o];
  }
}

static void derive(const Chunk *c, const double *y, const double *sp, double *out) {
  const int M = c->M;
  for (int i = 0; i < c->in->n; i++) {
    const int o0 = i * M;
    if (c->sharedEntry[i])
      deriveRange(c, y, sp, out, o0, o0 + M);
    else
      for (int o = o0; o < o0 + M; o++) deriveRange(c, y, sp, out, o, o + 1);
  }
}

static void derivative(Chunk *c, double t, const double *y, double *out) {
  exposures(c, periodAt(c->in, t), y, c->theta, c->spill);
  timeTerms(c, t);
  derive(c, y, c->spill, out);
}

/* The sample at (t, y): GDP, spending, threat and spill-in; with dydt the derivative from the same sums. */
static void observe(Chunk *c, double t, const double *y, double *gdp, double *spending, double *threat,
                    double *spill, double *dydt) {
  const int nM = c->nM;
  exposures(c, periodAt(c->in, t), y, threat, spill);
  timeTerms(c, t);
  for (int o = 0; o < nM; o++) {
    const double g = c->gdpNow[o];
    gdp[o] = g;
    spending[o] = y[o] * g;
  }
  if (dydt != NULL) derive(c, y, spill, dydt);
}

typedef struct {
  double *k1, *k2, *k3, *k4, *trial;
} Workspace;

static void rk4Step(Chunk *c, double t, double *y, double h, Workspace *ws, int size, int firstStageReady) {
  double *k1 = ws->k1, *k2 = ws->k2, *k3 = ws->k3, *k4 = ws->k4, *trial = ws->trial;
  const double half = 0.5 * h;
  if (!firstStageReady) derivative(c, t, y, k1);
  for (int i = 0; i < size; i++) trial[i] = y[i] + half * k1[i];
  derivative(c, t + half, trial, k2);
  for (int i = 0; i < size; i++) trial[i] = y[i] + half * k2[i];
  derivative(c, t + half, trial, k3);
  for (int i = 0; i < size; i++) trial[i] = y[i] + h * k3[i];
  derivative(c, t + h, trial, k4);
  const double sixth = h / 6;
  for (int i = 0; i < size; i++) y[i] = y[i] + sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
}

/* Integrate one chunk and reduce it to annual means; add each member's checksums to sums[2m..]. */
static void runChunk(const Input *in, int chunk, double *sums) {
  const int n = in->n;
  const int first = chunk * in->chunk;
  const int M = in->members - first < in->chunk ? in->members - first : in->chunk;
  const int nM = n * M;
  const size_t at = (size_t)first * n; /* the chunk's first entry in the per-member arrays */
  Chunk c = {
      .in = in,
      .M = M,
      .nM = nM,
      .shared = in->sharedWeight[chunk],
      .eps = in->eps + at,
      .eta = in->eta + at,
      .speed = in->speed + at,
      .kappa = in->kappa + at,
      .phi = in->phi + at,
      .sMin = in->sMin + at,
      .sMax = in->sMax + at,
      .warExtra = in->warExtra + at,
      .warUntil = in->warUntil + at,
      .warFade = in->warFade + at,
      .baseline = in->baseline + at,
      .threatRef = in->threatRef + at,
      .spillRef = in->spillRef + at,
      .lnThreat0 = in->lnThreat0 + at,
      .lnSpill0 = in->lnSpill0 + at,
      .pledgeTarget = in->pledgeTarget + at * in->P,
      .pledgeFrom = in->pledgeFrom + at * in->P,
      .pledgeBy = in->pledgeBy + at * in->P,
      .weight = in->weight[chunk],
      .shock = in->shock == NULL ? NULL : in->shock + at * in->gdpYears,
      .depreciation = malloc(sizeof(double) * nM),
      .threatElasticity = malloc(sizeof(double) * nM),
      .spillElasticity = malloc(sizeof(double) * nM),
      .theta = calloc(nM, sizeof(double)),
      .lnTheta = calloc(nM, sizeof(double)),
      .lnSpill = calloc(nM, sizeof(double)),
      .spill = calloc(nM, sizeof(double)),
      .gdpNow = calloc(nM, sizeof(double)),
      .pledgeNow = calloc(nM, sizeof(double)),
      .warNow = calloc(nM, sizeof(double)),
      .termsTime = NAN,
  };
  for (int i = 0; i < n; i++)
    for (int m = 0; m < M; m++) c.depreciation[i * M + m] = in->depreciation[first + m];
  c.sharedTerms = malloc(n);
  for (int i = 0; i < n; i++) {
    const int o0 = i * M;
    int shared = 1;
    for (int o = o0 + 1; o < o0 + M && shared; o++) {
      shared = sameBits(c.baseline[o], c.baseline[o0]) && sameBits(c.warExtra[o], c.warExtra[o0]) &&
               sameBits(c.warUntil[o], c.warUntil[o0]) && sameBits(c.warFade[o], c.warFade[o0]);
      for (int q = 0; q < in->P && shared; q++)
        shared = sameBits(c.pledgeTarget[q * nM + o], c.pledgeTarget[q * nM + o0]) &&
                 sameBits(c.pledgeFrom[q * nM + o], c.pledgeFrom[q * nM + o0]) &&
                 sameBits(c.pledgeBy[q * nM + o], c.pledgeBy[q * nM + o0]);
    }
    c.sharedTerms[i] = (unsigned char)shared;
  }
  for (int o = 0; o < nM; o++) {
    c.threatElasticity[o] = c.eps[o] != 0 && c.threatRef[o] > 0 ? c.eps[o] : 0;
    c.spillElasticity[o] = c.eta[o] != 0 && c.spillRef[o] > 0 ? c.eta[o] : 0;
  }
  /* Per actor: all members share the constants of the derivative (read once per actor then). */
  c.sharedEntry = malloc(n);
  for (int i = 0; i < n; i++) {
    const int o0 = i * M;
    const double *per[] = {c.speed,   c.phi,       c.depreciation, c.baseline, c.threatElasticity, c.spillElasticity,
                           c.lnThreat0, c.lnSpill0, c.kappa,        c.sMin,     c.sMax};
    int shared = 1;
    for (int o = o0 + 1; o < o0 + M && shared; o++)
      for (size_t k = 0; k < sizeof per / sizeof per[0] && shared; k++) shared = sameBits(per[k][o], per[k][o0]);
    c.sharedEntry[i] = (unsigned char)shared;
  }
  c.hostile = malloc(sizeof(SumRows) * in->periods);
  c.friendly = malloc(sizeof(SumRows) * in->periods);
  for (int p = 0; p < in->periods; p++) {
    c.hostile[p] = sumRowsOf(&c, in->hs[p], in->hc[p]);
    c.friendly[p] = sumRowsOf(&c, in->fs[p], in->fc[p]);
  }
  const int size = 2 * nM;
  const int perYear = in->samplesPerYear;
  const int nYears = in->end - in->start;
  const int samples = nYears * perYear + 1;
  double *times = malloc(sizeof(double) * samples);
  for (int k = 0; k < samples; k++) times[k] = in->start + (double)k / perYear;

  const size_t cells = (size_t)nM * nYears;
  double *gdp = calloc(cells, 8), *spending = calloc(cells, 8), *capability = calloc(cells, 8);
  double *threat = calloc(cells, 8), *spillIn = calloc(cells, 8);
  double *snapGdp = calloc(nM, 8), *snapSpending = calloc(nM, 8), *snapThreat = calloc(nM, 8);
  double *snapSpill = calloc(nM, 8);
  double *current = calloc((size_t)5 * nM, 8);
  Workspace ws = {calloc(size, 8), calloc(size, 8), calloc(size, 8), calloc(size, 8), calloc(size, 8)};
  double *y = malloc(sizeof(double) * size);
  memcpy(y, in->initialState + 2 * at, sizeof(double) * size);
  const double h = in->stepYears;

  /* integrateAnnual: a sample at every sample time, then the RK4 steps to the next one (steps of h
     from the sample, the last one shortened onto the next sample). */
  for (int k = 0; k < samples; k++) {
    const double t = times[k];
    const int last = k == samples - 1;
    observe(&c, t, y, snapGdp, snapSpending, snapThreat, snapSpill, last ? NULL : ws.k1);
    /* The year's sums in contiguous memory (current), stored in the annual layout when it ends; a
       sample on a year boundary gives half a weight to each year. */
    const int year = k / perYear;
    const int boundary = k % perYear == 0;
    for (int part = 0; part < (boundary ? 2 : 1); part++) {
      const int yy = boundary ? year - 1 + part : year;
      if (boundary && part == 1) memset(current, 0, sizeof(double) * 5 * nM);
      if (yy < 0 || yy >= nYears) continue;
      const double w = (boundary ? 0.5 : 1) / perYear;
      for (int o = 0; o < nM; o++) {
        current[o] = current[o] + w * snapGdp[o];
        current[nM + o] = current[nM + o] + w * snapSpending[o];
        current[2 * nM + o] = current[2 * nM + o] + w * y[nM + o];
        current[3 * nM + o] = current[3 * nM + o] + w * snapThreat[o];
        current[4 * nM + o] = current[4 * nM + o] + w * snapSpill[o];
      }
      if (boundary && part == 0) {
        for (int o = 0; o < nM; o++) {
          const size_t cell = (size_t)o * nYears + yy;
          gdp[cell] = current[o];
          spending[cell] = current[nM + o];
          capability[cell] = current[2 * nM + o];
          threat[cell] = current[3 * nM + o];
          spillIn[cell] = current[4 * nM + o];
        }
      }
    }
    if (last) break;
    const double next = times[k + 1];
    double count = ceil((next - t) / h - 1e-9);
    if (count < 1) count = 1;
    for (int s = 0; s < (int)count - 1; s++) rk4Step(&c, t + s * h, y, h, &ws, size, s == 0);
    const double tLast = t + (count - 1) * h;
    rk4Step(&c, tLast, y, next - tLast, &ws, size, count == 1);
  }

  /* Checksums per member: sums of the annual mean burdens and spending, actor by actor, year by year. */
  for (int m = 0; m < M; m++) {
    double burdenSum = 0, spendingSum = 0;
    for (int i = 0; i < n; i++) {
      for (int yy = 0; yy < nYears; yy++) {
        const size_t cell = (size_t)(i * M + m) * nYears + yy;
        burdenSum += spending[cell] / gdp[cell];
        spendingSum += spending[cell];
      }
    }
    sums[2 * (first + m)] = burdenSum;
    sums[2 * (first + m) + 1] = spendingSum;
  }

  free(times);
  free(current);
  free(c.sharedTerms);
  free(c.sharedEntry);
  free(ws.k1);
  free(ws.k2);
  free(ws.k3);
  free(ws.k4);
  free(ws.trial);
  free(y);
  free(gdp);
  free(spending);
  free(capability);
  free(threat);
  free(spillIn);
  free(snapGdp);
  free(snapSpending);
  free(snapThreat);
  free(snapSpill);
  free(c.depreciation);
  free(c.threatElasticity);
  free(c.spillElasticity);
  free(c.theta);
  free(c.lnTheta);
  free(c.lnSpill);
  free(c.spill);
  free(c.gdpNow);
  free(c.pledgeNow);
  free(c.warNow);
  for (int p = 0; p < in->periods; p++) {
    free(c.hostile[p].offset);
    free(c.hostile[p].weight);
    free(c.friendly[p].offset);
    free(c.friendly[p].weight);
  }
  free(c.hostile);
  free(c.friendly);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpuNow(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int compareDoubles(const void *a, const void *b) {
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s INPUT OUTPUT [REPEATS]\n", argv[0]);
    return 2;
  }
  const int repeats = argc > 3 ? atoi(argv[3]) : 5;
  init_pow2();
  Input in;
  read_input(argv[1], &in);
  double *sums = calloc(2 * (size_t)in.members, sizeof(double));
  double *seconds = malloc(sizeof(double) * (repeats > 0 ? repeats : 1));
  double *cpu = malloc(sizeof(double) * (repeats > 0 ? repeats : 1));
  for (int r = 0; r < repeats; r++) {
    const double t0 = now();
    const double c0 = cpuNow();
    for (int chunk = 0; chunk < in.chunks; chunk++) runChunk(&in, chunk, sums);
    seconds[r] = now() - t0;
    cpu[r] = cpuNow() - c0;
  }
  qsort(seconds, (size_t)repeats, sizeof(double), compareDoubles);
  qsort(cpu, (size_t)repeats, sizeof(double), compareDoubles);
  FILE *out = fopen(argv[2], "wb");
  if (out == NULL || fwrite(sums, sizeof(double), 2 * (size_t)in.members, out) != 2 * (size_t)in.members) {
    perror(argv[2]);
    return 2;
  }
  fclose(out);
  printf("seconds %.9f best %.9f cpu %.9f repeats %d members %d years %d\n", seconds[repeats / 2], seconds[0],
         cpu[repeats / 2], repeats, in.members, in.end - in.start);
  return 0;
}
