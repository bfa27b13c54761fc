/* A small C program for gcovr fixtures: branches, a function never called, a loop. */
#include <stdio.h>

static int clamp(int value, int low, int high) {
  if (value < low) return low;
  if (value > high) return high;
  return value;
}

static int never_called(int x) {
  return x * 2;
}

int sum_positive(const int *values, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    if (values[i] > 0 && values[i] < 1000) total += values[i];
  }
  return total;
}

int main(void) {
  int values[] = {3, -1, 7, 2000};
  printf("%d %d\n", sum_positive(values, 4), clamp(15, 0, 10));
  return 0;
}
