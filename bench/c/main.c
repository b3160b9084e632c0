/*
 * The C reference of the ensemble benchmark: the kernel of src/wasm/demand-kernel.c (the source of
 * the WebAssembly module) compiled natively, run on the images bench/ensemble.bench.ts writes with
 * the package's own layout (src/core/model/demand/wasm-image.ts).
 *
 * Input file, doubles: the number of images, then each image's byte offset in the file (a multiple
 * of 16), then the images. Output: per member, the sum over actors and years of the annual mean
 * burden (spending / GDP) and of the annual mean spending, as doubles, in the images' order.
 *
 * Usage: demand-kernel INPUT OUTPUT [REPEATS]
 * Prints: "seconds <median wall> best <best wall> cpu <median CPU> repeats <r> members <M>".
 */
#define _POSIX_C_SOURCE 200112L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/wasm/demand-kernel.c"

static double now(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
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
  const int repeats = argc > 3 && atoi(argv[3]) > 0 ? atoi(argv[3]) : 5;
  FILE *f = fopen(argv[1], "rb");
  if (f == NULL) {
    perror(argv[1]);
    return 2;
  }
  fseek(f, 0, SEEK_END);
  const long bytes = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *file = NULL;
  if (posix_memalign((void **)&file, 16, (size_t)bytes) != 0 || fread(file, 1, (size_t)bytes, f) != (size_t)bytes) {
    fprintf(stderr, "demand-kernel: cannot read %s\n", argv[1]);
    return 2;
  }
  fclose(f);
  const double *index = (const double *)file;
  const int images = (int)index[0];
  int members = 0;
  for (int c = 0; c < images; c++) members += (int)((const double *)(file + (long)index[1 + c]))[H_M];
  double *sums = calloc(2 * (size_t)members, sizeof(double));
  double *seconds = malloc(sizeof(double) * repeats);
  double *cpu = malloc(sizeof(double) * repeats);
  for (int r = 0; r < repeats; r++) {
    const double t0 = now(CLOCK_MONOTONIC);
    const double c0 = now(CLOCK_PROCESS_CPUTIME_ID);
    for (int c = 0; c < images; c++) {
      if (armsrace_integrate(file + (long)index[1 + c]) < 0) {
        fprintf(stderr, "demand-kernel: image %d has another layout than this kernel's\n", c);
        return 2;
      }
    }
    seconds[r] = now(CLOCK_MONOTONIC) - t0;
    cpu[r] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
  }
  /* Checksums per member from the last pass's annual means. */
  int member = 0;
  for (int c = 0; c < images; c++) {
    const unsigned char *image = file + (long)index[1 + c];
    const double *header = (const double *)image;
    const int n = (int)header[H_N], M = (int)header[H_M];
    const int years = (int)(header[H_END] - header[H_START]);
    const double *gdp = (const double *)(image + (long)header[H_GDP]);
    const double *spending = (const double *)(image + (long)header[H_SPENDING]);
    for (int m = 0; m < M; m++, member++) {
      double burden = 0, spent = 0;
      for (int i = 0; i < n; i++) {
        for (int y = 0; y < years; y++) {
          const long cell = (long)(i * M + m) * years + y;
          burden += spending[cell] / gdp[cell];
          spent += spending[cell];
        }
      }
      sums[2 * member] = burden;
      sums[2 * member + 1] = spent;
    }
  }
  qsort(seconds, (size_t)repeats, sizeof(double), compareDoubles);
  qsort(cpu, (size_t)repeats, sizeof(double), compareDoubles);
  FILE *out = fopen(argv[2], "wb");
  if (out == NULL || fwrite(sums, sizeof(double), 2 * (size_t)members, out) != 2 * (size_t)members) {
    perror(argv[2]);
    return 2;
  }
  fclose(out);
  printf("seconds %.9f best %.9f cpu %.9f repeats %d members %d\n", seconds[repeats / 2], seconds[0], cpu[repeats / 2],
         repeats, members);
  return 0;
}
