#!/usr/bin/env python3
"""Decrypts one .enc file from a generation job, without the service's repository.

    pip install cryptography        # AES-GCM; scrypt comes with Python's hashlib
    MILMED_PASSWORD='the job password' python3 decrypt.py patients.json.enc          # writes patients.json
    MILMED_PASSWORD='the job password' python3 decrypt.py patients.csv.gz.enc out.csv.gz

The password comes from MILMED_PASSWORD or standard input, never from the command line (`ps` shows
arguments to other users). Exit codes: 0 done, 1 wrong password or damaged file, 2 bad usage.

File format (docs/generator.md, "Encrypted file format"): AES-256-GCM with a scrypt-derived key.
  0 "MMPE" | 4 version 1 | 5 KDF 1 = scrypt | 6 log2(N) | 7 r | 8 p | 9 salt (16) | 25 IV (12)
  37 ciphertext ... | last 16 bytes: GCM tag. The 37-byte header is the additional authenticated data.
"""
import hashlib
import os
import sys
import unicodedata

HEADER, TAG = 37, 16


def fail(code, message):
    print(message, file=sys.stderr)
    sys.exit(code)


def decrypt(data, password):
    try:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        fail(2, "This script needs the cryptography package: pip install cryptography")
    if len(data) < HEADER + TAG or data[:4] != b"MMPE":
        fail(1, "Not an encrypted patient file")
    version, kdf, log2n, r, p = data[4:9]
    if version != 1 or kdf != 1:
        fail(1, "Unsupported encrypted file version")
    # Bounds stop a damaged header from asking for gigabytes of memory.
    if not (10 <= log2n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
        fail(1, "Wrong password or corrupted file")
    n = 2**log2n
    key = hashlib.scrypt(
        unicodedata.normalize("NFC", password).encode("utf-8"),
        salt=data[9:25], n=n, r=r, p=p, dklen=32, maxmem=256 * n * r + 1024 * 1024,
    )
    try:
        # AESGCM takes the ciphertext with the tag appended, which is how the file ends.
        return AESGCM(key).decrypt(data[25:HEADER], data[HEADER:], data[:HEADER])
    except InvalidTag:
        fail(1, "Wrong password or corrupted file")


def main(argv):
    if not 1 <= len(argv) <= 2:
        fail(2, "Usage: MILMED_PASSWORD=... python3 decrypt.py <file.enc> [output]")
    source = argv[0]
    target = argv[1] if len(argv) == 2 else (source[:-4] if source.endswith(".enc") else source)
    if target == source:
        fail(2, "Name the output file: the input does not end in .enc")
    password = os.environ.get("MILMED_PASSWORD")
    if password is None:
        password = "" if sys.stdin.isatty() else sys.stdin.read()
        password = password[:-1] if password.endswith("\n") else password
        password = password[:-1] if password.endswith("\r") else password
    if not password:
        fail(2, "No password: set MILMED_PASSWORD or pipe it on standard input")
    with open(source, "rb") as f:
        plain = decrypt(f.read(), password)
    with open(target, "wb") as f:
        f.write(plain)
    print(target)


if __name__ == "__main__":
    main(sys.argv[1:])
