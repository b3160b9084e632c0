/*
 * The ensemble kernel of the alliance-demand model (src/core/model/demand.ts with
 * src/core/model/annual-means.ts and src/core/solve/rk4.ts) in C, as a reference for the
 * TypeScript kernel's speed and results.
 *
 * The same layout and loops: members side by side in flat arrays with the members innermost
 * (variable v of member m at v*M + m, so actor i's burden at i*M + m and its capability at
 * (n + i)*M + m); per actor the threat and spill-in are sums over the compressed rows of
 * adversaries and allies of the current membership period, eight members at a time, with one
 * proximity matrix shared by the members or one per member; the desired burden is one exp of the
 * log-ratios; GDP, pledge paths and war terms are computed once per distinct time; GDP is
 * log-linear between mid-year points plus per-member log shocks; classical RK4 at a fixed step
 * hitting every sample time, each sample's sums serving the next step's first stage; annual means
 * by the trapezoid rule over the samples. Members run in chunks (64 in the ensemble), one model per
 * chunk.
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
  double termsTime;
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
      const double g = exp(la + f * (lb - la));
      for (int o = o0; o < o0 + M; o++) c->gdpNow[o] = g;
    } else {
      for (int o = o0; o < o0 + M; o++) {
        const double a = la + c->shock[(size_t)k * nM + o];
        const double b = lb + c->shock[(size_t)(k + 1) * nM + o];
        c->gdpNow[o] = exp(a + f * (b - a));
      }
    }
    const int ally = P > 0 && t >= in->joins[i];
    for (int o = o0; o < o0 + M; o++) {
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

/* Θ and Φ of every actor and member for state y in period p. */
static void exposures(const Chunk *c, int p, const double *y, double *theta, double *spill) {
  sumRows(c, &c->hostile[p], y, theta);
  sumRows(c, &c->friendly[p], y, spill);
}

/* s*: the clipped desired burden of entry o; the time terms must be those of the current time. */
static inline double desired(const Chunk *c, int o, double th, double sp) {
  const double b = c->baseline[o];
  const double e = c->threatElasticity[o];
  const double h = c->spillElasticity[o];
  double exponent = 0;
  if (e != 0) exponent += e * (log(th) - c->lnThreat0[o]);
  if (h != 0 && sp > 0) exponent -= h * (log(sp) - c->lnSpill0[o]);
  const double u = exponent == 0 ? b : b * exp(exponent);
  const double pledge = c->pledgeNow[o];
  double target = u + (pledge > u ? c->kappa[o] * (pledge - u) : 0) + c->warNow[o];
  const double lo = c->sMin[o];
  const double hi = c->sMax[o];
  if (target < lo) target = lo;
  if (target > hi) target = hi;
  return target;
}

static void derivative(Chunk *c, double t, const double *y, double *out) {
  const int nM = c->nM;
  exposures(c, periodAt(c->in, t), y, c->theta, c->spill);
  timeTerms(c, t);
  for (int o = 0; o < nM; o++) {
    const double s = y[o];
    out[o] = c->speed[o] * (desired(c, o, c->theta[o], c->spill[o]) - s);
    out[nM + o] = c->phi[o] * s * c->gdpNow[o] - c->depreciation[o] * y[nM + o];
  }
}

/* The sample at (t, y): GDP, spending, threat and spill-in; with dydt the derivative from the same sums. */
static void observe(Chunk *c, double t, const double *y, double *gdp, double *spending, double *threat,
                    double *spill, double *dydt) {
  const int nM = c->nM;
  exposures(c, periodAt(c->in, t), y, threat, spill);
  timeTerms(c, t);
  for (int o = 0; o < nM; o++) {
    const double s = y[o];
    const double g = c->gdpNow[o];
    gdp[o] = g;
    spending[o] = s * g;
    const double goal = desired(c, o, threat[o], spill[o]);
    if (dydt != NULL) {
      dydt[o] = c->speed[o] * (goal - s);
      dydt[nM + o] = c->phi[o] * s * g - c->depreciation[o] * y[nM + o];
    }
  }
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
      .spill = calloc(nM, sizeof(double)),
      .gdpNow = calloc(nM, sizeof(double)),
      .pledgeNow = calloc(nM, sizeof(double)),
      .warNow = calloc(nM, sizeof(double)),
      .termsTime = NAN,
  };
  for (int i = 0; i < n; i++)
    for (int m = 0; m < M; m++) c.depreciation[i * M + m] = in->depreciation[first + m];
  for (int o = 0; o < nM; o++) {
    c.threatElasticity[o] = c.eps[o] != 0 && c.threatRef[o] > 0 ? c.eps[o] : 0;
    c.spillElasticity[o] = c.eta[o] != 0 && c.spillRef[o] > 0 ? c.eta[o] : 0;
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
    const int year = k / perYear;
    const int boundary = k % perYear == 0;
    for (int part = 0; part < (boundary ? 2 : 1); part++) {
      const int yy = boundary ? year - 1 + part : year;
      if (yy < 0 || yy >= nYears) continue;
      const double w = (boundary ? 0.5 : 1) / perYear;
      for (int o = 0; o < nM; o++) {
        const size_t cell = (size_t)o * nYears + yy;
        gdp[cell] = gdp[cell] + w * snapGdp[o];
        spending[cell] = spending[cell] + w * snapSpending[o];
        capability[cell] = capability[cell] + w * y[nM + o];
        threat[cell] = threat[cell] + w * snapThreat[o];
        spillIn[cell] = spillIn[cell] + w * snapSpill[o];
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
