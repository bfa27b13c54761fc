// A small JS module for istanbul (c8) fixtures: branches, an uncalled function, a loop.
export function clamp(value, low, high) {
  if (value < low) return low
  if (value > high) return high
  return value
}

export function neverCalled(x) {
  return x * 2
}

export function sumPositive(values) {
  let total = 0
  for (const v of values) {
    if (v > 0 && v < 1000) total += v
  }
  return total
}

console.log(sumPositive([3, -1, 7, 2000]), clamp(15, 0, 10))
