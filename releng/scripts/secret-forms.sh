# Sourced by the scripts that look for a secret where it must not be (seed-leak-scan, pcscd-kill-campaign).

marker_seed() { # prints 20 random capital letters: greppable as raw text, held by no fixture anywhere
  local letters=ABCDEFGHIJKLMNOPQRSTUVWXYZ raw="" _
  for _ in $(seq 1 20); do raw+="${letters:$((SRANDOM % 26)):1}"; done
  printf '%s' "$raw"
}

secret_forms() { # $1 = raw seed: prints "name<TAB>text" for each form searched (raw, hex both cases, Base32 both cases, Base64)
  local r="$1" hex b32 b64
  hex="$(printf '%s' "$r" | od -An -tx1 | tr -d ' \n')"
  b32="$(printf '%s' "$r" | base32 | tr -d '=\n')"
  b64="$(printf '%s' "$r" | base64 | tr -d '=\n')"
  printf 'raw\t%s\nhex\t%s\nHEX\t%s\nBase32\t%s\nbase32\t%s\nBase64\t%s\n' "$r" "$hex" "${hex^^}" "$b32" "${b32,,}" "$b64"
}
