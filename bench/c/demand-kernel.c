/*
 * The ensemble kernel of the alliance-demand model (src/core/model/demand.ts with
 * src/core/model/annual-means.ts and src/core/solve/rk4.ts) in C, as a reference for the
 * TypeScript kernel's speed and results.
 *
 * The same layout and loops: members side by side in flat arrays, member-major (member m's state
 * [s_1..s_n, K_1..K_n] at m*2n); per member the threat and spill-in are reductions over the
 * compressed rows of adversaries and allies of the current membership period; the desired burden
 * is one exp of the log-ratios; GDP is log-linear between mid-year points plus per-member log
 * shocks; classical RK4 at a fixed step hitting every sample time; annual means by the trapezoid
 * rule over the samples. Members run in chunks (64 in the ensemble), one model per chunk.
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

typedef struct {
  int n, members, chunk, P, periods, gdpYears, start, end, gdpFirstYear, samplesPerYear, hasShock;
  double stepYears;
  double *periodStarts;
  int **hs, **hc, **fs, **fc; /* per period: compressed rows of adversaries (h) and allies (f) */
  double *joins, *lnGdp;
  double *eps, *eta, *speed, *kappa, *phi, *sMin, *sMax, *warExtra, *warUntil, *warFade;
  double *baseline, *threatRef, *spillRef, *lnThreat0, *lnSpill0;
  double *pledgeTarget, *pledgeFrom, *pledgeBy;
  double *depreciation, *weight, *shock, *initialState;
} Input;

/* One chunk of M members: views into the input at the chunk's first member, and scratch. */
typedef struct {
  const Input *in;
  int M;
  const double *eps, *eta, *speed, *kappa, *phi, *sMin, *sMax, *warExtra, *warUntil, *warFade;
  const double *baseline, *threatRef, *spillRef, *lnThreat0, *lnSpill0;
  const double *pledgeTarget, *pledgeFrom, *pledgeBy;
  const double *depreciation, *weight, *shock;
  double *theta, *spill, *gdpNow;
  double gdpTime;
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
  in->weight = takeArray(nm * (size_t)n);
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

static inline double gdpAt(const Chunk *c, int i, int m, double t) {
  const Input *in = c->in;
  const int n = in->n, Y = in->gdpYears;
  const double p = t - 0.5 - in->gdpFirstYear;
  int k = (int)floor(p);
  if (k < 0) k = 0;
  if (k > Y - 2) k = Y - 2;
  double a = in->lnGdp[i * Y + k];
  double b = in->lnGdp[i * Y + k + 1];
  if (c->shock != NULL) {
    a += c->shock[(size_t)(m * n + i) * Y + k];
    b += c->shock[(size_t)(m * n + i) * Y + k + 1];
  }
  return exp(a + (p - k) * (b - a));
}

static inline int periodAt(const Input *in, double t) {
  int p = 0;
  while (p + 1 < in->periods && t >= in->periodStarts[p + 1]) p++;
  return p;
}

/* Θ and Φ of every member and actor for state y in period p. */
static void exposures(const Chunk *c, int p, const double *y, double *theta, double *spill) {
  const Input *in = c->in;
  const int n = in->n, M = c->M;
  const int *hs = in->hs[p], *hc = in->hc[p], *fs = in->fs[p], *fc = in->fc[p];
  const double *w = c->weight;
  for (int m = 0; m < M; m++) {
    const int k = m * 2 * n + n;
    for (int i = 0; i < n; i++) {
      const size_t row = (size_t)m * n * n + (size_t)i * n;
      double th = 0;
      const int h1 = hs[i + 1];
      for (int q = hs[i]; q < h1; q++) {
        const int j = hc[q];
        th += w[row + j] * y[k + j];
      }
      double sp = 0;
      const int f1 = fs[i + 1];
      for (int q = fs[i]; q < f1; q++) {
        const int j = fc[q];
        sp += w[row + j] * y[k + j];
      }
      theta[m * n + i] = th;
      spill[m * n + i] = sp;
    }
  }
}

/* s*: the clipped desired burden of actor i, member m. */
static inline double desired(const Chunk *c, int i, int m, double t, double th, double sp) {
  const Input *in = c->in;
  const int n = in->n, P = in->P;
  const int o = m * n + i;
  const double b = c->baseline[o];
  const double e = c->eps[o];
  const double h = c->eta[o];
  double exponent = 0;
  if (e != 0 && c->threatRef[o] > 0) exponent += e * (log(th) - c->lnThreat0[o]);
  if (h != 0 && c->spillRef[o] > 0 && sp > 0) exponent -= h * (log(sp) - c->lnSpill0[o]);
  const double u = exponent == 0 ? b : b * exp(exponent);
  double pledge = -INFINITY;
  if (P > 0 && t >= in->joins[i]) {
    for (int q = o * P; q < o * P + P; q++) {
      const double from = c->pledgeFrom[q];
      const double by = c->pledgeBy[q];
      const double p1 = c->pledgeTarget[q];
      const double pv = t <= from ? b : t >= by ? p1 : b + ((p1 - b) * (t - from)) / (by - from);
      if (pv > pledge) pledge = pv;
    }
  }
  double target = u + (pledge > u ? c->kappa[o] * (pledge - u) : 0) + warAt(c, o, t);
  const double lo = c->sMin[o];
  const double hi = c->sMax[o];
  if (target < lo) target = lo;
  if (target > hi) target = hi;
  return target;
}

/* GDP of every member and actor at the last time asked (RK4 asks each time twice). */
static const double *gdpAll(Chunk *c, double t) {
  const int n = c->in->n, M = c->M;
  if (t != c->gdpTime) {
    for (int m = 0; m < M; m++)
      for (int i = 0; i < n; i++) c->gdpNow[m * n + i] = gdpAt(c, i, m, t);
    c->gdpTime = t;
  }
  return c->gdpNow;
}

static void derivative(Chunk *c, double t, const double *y, double *out) {
  const int n = c->in->n, M = c->M;
  exposures(c, periodAt(c->in, t), y, c->theta, c->spill);
  const double *gdp = gdpAll(c, t);
  for (int m = 0; m < M; m++) {
    const int base = m * 2 * n;
    const double dm = c->depreciation[m];
    for (int i = 0; i < n; i++) {
      const int o = m * n + i;
      const double s = y[base + i];
      out[base + i] = c->speed[o] * (desired(c, i, m, t, c->theta[o], c->spill[o]) - s);
      out[base + n + i] = c->phi[o] * s * gdp[o] - dm * y[base + n + i];
    }
  }
}

typedef struct {
  double *k1, *k2, *k3, *k4, *trial;
} Workspace;

static void rk4Step(Chunk *c, double t, double *y, double h, Workspace *ws, int size) {
  double *k1 = ws->k1, *k2 = ws->k2, *k3 = ws->k3, *k4 = ws->k4, *trial = ws->trial;
  const double half = 0.5 * h;
  derivative(c, t, y, k1);
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
static void runChunk(const Input *in, int first, int M, double *sums) {
  const int n = in->n;
  const size_t nm = (size_t)n * M;
  Chunk c = {
      .in = in,
      .M = M,
      .eps = in->eps + first * n,
      .eta = in->eta + first * n,
      .speed = in->speed + first * n,
      .kappa = in->kappa + first * n,
      .phi = in->phi + first * n,
      .sMin = in->sMin + first * n,
      .sMax = in->sMax + first * n,
      .warExtra = in->warExtra + first * n,
      .warUntil = in->warUntil + first * n,
      .warFade = in->warFade + first * n,
      .baseline = in->baseline + first * n,
      .threatRef = in->threatRef + first * n,
      .spillRef = in->spillRef + first * n,
      .lnThreat0 = in->lnThreat0 + first * n,
      .lnSpill0 = in->lnSpill0 + first * n,
      .pledgeTarget = in->pledgeTarget + (size_t)first * n * in->P,
      .pledgeFrom = in->pledgeFrom + (size_t)first * n * in->P,
      .pledgeBy = in->pledgeBy + (size_t)first * n * in->P,
      .depreciation = in->depreciation + first,
      .weight = in->weight + (size_t)first * n * n,
      .shock = in->shock == NULL ? NULL : in->shock + (size_t)first * n * in->gdpYears,
      .theta = calloc(nm, sizeof(double)),
      .gdpNow = calloc(nm, sizeof(double)),
      .gdpTime = NAN,
      .spill = calloc(nm, sizeof(double)),
  };
  const int size = 2 * n * M;
  const int perYear = in->samplesPerYear;
  const int nYears = in->end - in->start;
  const int samples = nYears * perYear + 1;
  double *times = malloc(sizeof(double) * samples);
  for (int k = 0; k < samples; k++) times[k] = in->start + (double)k / perYear;

  /* integrateRk4: stops at every sample time, steps of h measured from each stop. */
  Workspace ws = {calloc(size, 8), calloc(size, 8), calloc(size, 8), calloc(size, 8), calloc(size, 8)};
  double *y = malloc(sizeof(double) * size);
  memcpy(y, in->initialState + (size_t)first * 2 * n, sizeof(double) * size);
  double *outputs = calloc((size_t)samples * size, sizeof(double));
  const double h = in->stepYears;
  double start = in->start;
  for (int stop = 0; stop <= samples; stop++) {
    const double end = stop < samples ? times[stop] : in->end;
    const double span = end - start;
    if (span > 0) {
      double count = ceil(span / h - 1e-9);
      if (count < 1) count = 1;
      for (int k = 0; k < (int)count - 1; k++) rk4Step(&c, start + k * h, y, h, &ws, size);
      const double tLast = start + (count - 1) * h;
      rk4Step(&c, tLast, y, end - tLast, &ws, size);
      start = end;
    }
    if (stop < samples) memcpy(outputs + (size_t)stop * size, y, sizeof(double) * size);
  }

  /* integrateAnnual: snapshots at the samples, trapezoid weights. */
  const size_t cells = nm * nYears;
  double *gdp = calloc(cells, 8), *spending = calloc(cells, 8), *capability = calloc(cells, 8);
  double *threat = calloc(cells, 8), *spillIn = calloc(cells, 8);
  double *snapGdp = calloc(nm, 8), *snapSpending = calloc(nm, 8), *snapThreat = calloc(nm, 8);
  double *snapSpill = calloc(nm, 8), *snapTarget = calloc(nm, 8);
  for (int k = 0; k < samples; k++) {
    const double *state = outputs + (size_t)k * size;
    const double t = times[k];
    exposures(&c, periodAt(in, t), state, snapThreat, snapSpill);
    for (int m = 0; m < M; m++) {
      for (int i = 0; i < n; i++) {
        const int o = m * n + i;
        const double g = gdpAll(&c, t)[o];
        snapGdp[o] = g;
        snapSpending[o] = state[m * 2 * n + i] * g;
        snapTarget[o] = desired(&c, i, m, t, snapThreat[o], snapSpill[o]);
      }
    }
    const int year = k / perYear;
    const int boundary = k % perYear == 0;
    for (int part = 0; part < (boundary ? 2 : 1); part++) {
      const int yy = boundary ? year - 1 + part : year;
      if (yy < 0 || yy >= nYears) continue;
      const double w = (boundary ? 0.5 : 1) / perYear;
      for (int m = 0; m < M; m++) {
        for (int i = 0; i < n; i++) {
          const int o = m * n + i;
          const size_t cell = (size_t)o * nYears + yy;
          gdp[cell] = gdp[cell] + w * snapGdp[o];
          spending[cell] = spending[cell] + w * snapSpending[o];
          capability[cell] = capability[cell] + w * state[m * 2 * n + n + i];
          threat[cell] = threat[cell] + w * snapThreat[o];
          spillIn[cell] = spillIn[cell] + w * snapSpill[o];
        }
      }
    }
  }

  /* Checksums per member: sums of the annual mean burdens and spending, actor by actor, year by year. */
  for (int m = 0; m < M; m++) {
    double burdenSum = 0, spendingSum = 0;
    for (int i = 0; i < n; i++) {
      for (int yy = 0; yy < nYears; yy++) {
        const size_t cell = (size_t)(m * n + i) * nYears + yy;
        burdenSum += spending[cell] / gdp[cell];
        spendingSum += spending[cell];
      }
    }
    sums[2 * (first + m)] = burdenSum;
    sums[2 * (first + m) + 1] = spendingSum;
  }

  free(times);
  free(ws.k1);
  free(ws.k2);
  free(ws.k3);
  free(ws.k4);
  free(ws.trial);
  free(y);
  free(outputs);
  free(gdp);
  free(spending);
  free(capability);
  free(threat);
  free(spillIn);
  free(snapGdp);
  free(snapSpending);
  free(snapThreat);
  free(snapSpill);
  free(snapTarget);
  free(c.theta);
  free(c.gdpNow);
  free(c.spill);
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
  Input in;
  read_input(argv[1], &in);
  double *sums = calloc(2 * (size_t)in.members, sizeof(double));
  double *seconds = malloc(sizeof(double) * (repeats > 0 ? repeats : 1));
  double *cpu = malloc(sizeof(double) * (repeats > 0 ? repeats : 1));
  for (int r = 0; r < repeats; r++) {
    const double t0 = now();
    const double c0 = cpuNow();
    for (int first = 0; first < in.members; first += in.chunk) {
      const int M = in.members - first < in.chunk ? in.members - first : in.chunk;
      runChunk(&in, first, M, sums);
    }
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
