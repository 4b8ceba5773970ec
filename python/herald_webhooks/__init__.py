"""Verify webhooks sent by Herald, for every signature scheme it speaks.

Standard library only. Ed25519 (``standard-ed25519``) uses the ``cryptography`` package when it
is installed and a pure-Python RFC 8032 verifier otherwise.

    from herald_webhooks import Webhook, WebhookVerificationError, verify_webhook_signature

    event = Webhook("whsec_...").verify(raw_body, request.headers)                 # standard
    event = Webhook("whpk_...").verify(raw_body, request.headers)                  # standard-ed25519
    event = Webhook(secret, scheme="hmac-hex").verify(raw_body, request.headers)   # seed 002
    event = verify_webhook_signature(raw_body=body, signature_header=header, signing_secret=secret)  # seed 003
    data = decrypt_data(envelope, {"key_...": "base64 key"})                        # seed 004 (needs cryptography)
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _ed25519

RawBody = Union[str, bytes, bytearray, memoryview]
"""The request body exactly as received."""
Headers = Mapping[str, str]
"""Request headers; names are matched case-insensitively."""
Clock = Optional[float]
"""Unix seconds to check timestamps against; None means the system clock."""

__all__ = ["Webhook", "WebhookVerificationError", "decrypt_data", "fetch_record", "verify_webhook_signature"]

SCHEMES = ("standard", "standard-ed25519", "hmac-hex", "timestamped")


class WebhookVerificationError(Exception):
    """The webhook cannot be trusted: missing headers, bad signature or a stale timestamp."""


def _equal(received, expected):
    """Constant-time string comparison that never raises: hmac.compare_digest refuses str with
    non-ASCII characters, and a header is whatever the sender put there."""
    return hmac.compare_digest(str(received).encode("utf-8", "surrogatepass"), expected.encode("utf-8"))


def _text(raw_body):
    if isinstance(raw_body, (bytes, bytearray, memoryview)):
        return bytes(raw_body).decode("utf-8")
    return raw_body


def _header(headers, name):
    getter = getattr(headers, "get", None)
    if getter is not None:
        value = getter(name)
        if value is None:
            value = getter(name.lower())
        if value is not None:
            return value
    for key, value in (headers.items() if hasattr(headers, "items") else []):
        if key.lower() == name.lower():
            return value
    return None


def _check_timestamp(value, tolerance_seconds, now):
    if value is None or not str(value).isdigit():
        raise WebhookVerificationError("Invalid or missing timestamp")
    seconds = int(value)
    if tolerance_seconds is None:
        return seconds
    current = int(now if now is not None else time.time())
    if seconds < current - tolerance_seconds:
        raise WebhookVerificationError("Message timestamp too old")
    if seconds > current + tolerance_seconds:
        raise WebhookVerificationError("Message timestamp too new")
    return seconds


def _parse(body):
    try:
        return json.loads(body)
    except ValueError as err:
        raise WebhookVerificationError("Signed body is not valid JSON") from err


def _b64decode(value, prefix):
    raw = value[len(prefix):] if value.startswith(prefix) else value
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as err:
        raise ValueError(f'The key must be "{prefix}" followed by base64') from err


def _ed25519_verify(public_key, message, signature):
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        return _ed25519.verify(public_key, message, signature)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


def verify_webhook_signature(raw_body: RawBody, signature_header: Optional[str], signing_secret: str, tolerance_seconds: Optional[int] = 300, now: Clock = None) -> Any:
    """Verify a ``timestamped`` header, ``t=<unix>,v1=<hex>[,v1=<hex>...]``, where each v1 is
    HMAC-SHA256(signing_secret as UTF-8, t + "." + raw_body). Returns the parsed event."""
    if not signature_header:
        raise WebhookVerificationError("Missing signature header")
    t = None
    v1 = []
    for part in signature_header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            t = value
        elif key == "v1" and value:
            v1.append(value)
    if not v1:
        raise WebhookVerificationError("Signature header has no v1= signature")
    seconds = _check_timestamp(t, tolerance_seconds, now)
    body = _text(raw_body)
    expected = hmac.new(signing_secret.encode(), f"{seconds}.{body}".encode(), hashlib.sha256).hexdigest()
    if not any(_equal(candidate, expected) for candidate in v1):
        raise WebhookVerificationError("No matching signature found")
    return _parse(body)


class Webhook:
    """Verifier for one secret (or ``whpk_`` public key) and one scheme.

    ``tolerance_seconds`` defaults to 300, except for ``hmac-hex``, whose timestamp is the event's
    creation time (retries keep it), so it is only checked when you pass a tolerance.
    """

    _UNSET = object()

    def __init__(
        self,
        secret: str,
        scheme: Optional[str] = None,
        tolerance_seconds: Optional[float] = _UNSET,  # type: ignore[assignment]
        header_name: str = "X-Webhook-Signature",
        signed_content: str = "body",
        now: Clock = None,
    ) -> None:
        if not secret:
            raise ValueError("Webhook secret is required")
        self.secret = secret
        self.scheme = scheme or ("standard-ed25519" if secret.startswith("whpk_") else "standard")
        if self.scheme not in SCHEMES:
            raise ValueError(f"Unknown scheme {self.scheme!r}; one of {', '.join(SCHEMES)}")
        default_tolerance = None if self.scheme == "hmac-hex" else 300
        self.tolerance_seconds = default_tolerance if tolerance_seconds is Webhook._UNSET else tolerance_seconds
        self.header_name = header_name
        self.signed_content = signed_content
        self.now = now
        if self.scheme == "standard":
            self._key = _b64decode(secret, "whsec_")
        elif self.scheme == "standard-ed25519":
            self._key = _b64decode(secret, "whpk_")
            if len(self._key) != 32:
                raise ValueError("An Ed25519 public key is 32 bytes: whpk_ + base64")

    def sign(self, msg_id: str, timestamp: int, body: str) -> str:
        """The ``webhook-signature`` value a ``standard`` sender would send."""
        mac = hmac.new(self._key, f"{msg_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
        return "v1," + base64.b64encode(mac).decode()

    def verify(self, raw_body: RawBody, headers: Headers) -> Any:
        """Verify signature and timestamp; return the parsed JSON body, or raise WebhookVerificationError."""
        body = _text(raw_body)
        if self.scheme in ("standard", "standard-ed25519"):
            return self._verify_standard(body, headers)
        if self.scheme == "hmac-hex":
            return self._verify_hmac_hex(body, headers)
        return verify_webhook_signature(body, _header(headers, self.header_name), self.secret, self.tolerance_seconds, self.now)

    def _verify_standard(self, body, headers):
        msg_id = _header(headers, "webhook-id")
        timestamp = _header(headers, "webhook-timestamp")
        signatures = _header(headers, "webhook-signature")
        if not msg_id or not timestamp or not signatures:
            raise WebhookVerificationError("Missing required headers: webhook-id, webhook-timestamp, webhook-signature")
        seconds = _check_timestamp(timestamp, self.tolerance_seconds, self.now)
        content = f"{msg_id}.{seconds}.{body}".encode()
        matched = False
        for candidate in signatures.split(" "):
            version, _, value = candidate.partition(",")
            if self.scheme == "standard" and version == "v1":
                expected = base64.b64encode(hmac.new(self._key, content, hashlib.sha256).digest()).decode()
                matched = _equal(value, expected)
            elif self.scheme == "standard-ed25519" and version == "v1a":
                try:
                    signature = base64.b64decode(value, validate=True)
                except (binascii.Error, ValueError):
                    continue
                matched = len(signature) == 64 and _ed25519_verify(self._key, content, signature)
            if matched:
                break
        if not matched:
            raise WebhookVerificationError("No matching signature found")
        return _parse(body)

    def _verify_hmac_hex(self, body, headers):
        signature = _header(headers, "X-Webhook-Signature")
        if not signature or not _header(headers, "X-Webhook-ID"):
            raise WebhookVerificationError("Missing required headers: X-Webhook-ID, X-Webhook-Signature")
        timestamp = _header(headers, "X-Webhook-Timestamp")
        signs_timestamp = self.signed_content == "timestamp.body"
        seconds = _check_timestamp(timestamp, self.tolerance_seconds, self.now) if signs_timestamp or self.tolerance_seconds is not None else None
        content = f"{seconds}.{body}" if signs_timestamp else body
        expected = "sha256=" + hmac.new(self.secret.encode(), content.encode(), hashlib.sha256).hexdigest()
        candidates = [c for c in signature.replace(",", " ").split(" ") if c]
        if not any(_equal(c, expected) for c in candidates):
            raise WebhookVerificationError("No matching signature found")
        return _parse(body)


def _b64url(value):
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def decrypt_data(envelope: Mapping[str, Any], keys: Mapping[str, str], field: str = "data") -> Any:
    """Decrypt an envelope's A256GCM-encrypted ``data`` (seed 004) with the key named by its
    ``key_id``, from ``keys`` (key id -> base64 key). Verify the signature first. Needs the
    optional ``cryptography`` package (Debian: python3-cryptography)."""
    try:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError as err:
        raise ImportError("decrypt_data needs the 'cryptography' package (pip install cryptography, or apt install python3-cryptography)") from err
    encrypted = envelope.get(field) if isinstance(envelope, dict) else None
    if not isinstance(encrypted, dict) or encrypted.get("alg") != "A256GCM":
        raise WebhookVerificationError(f'The envelope\'s "{field}" is not A256GCM-encrypted data')
    key_id = encrypted.get("key_id") or envelope.get("key_id")
    if not key_id or key_id not in keys:
        raise WebhookVerificationError(f'No key for key_id "{key_id}": add it to the key map')
    key = base64.b64decode(keys[key_id])
    if len(key) != 32:
        raise WebhookVerificationError(f'Key "{key_id}" is not 32 bytes')
    try:
        plain = AESGCM(key).decrypt(_b64url(encrypted["iv"]), _b64url(encrypted["ciphertext"]) + _b64url(encrypted["tag"]), None)
    except (InvalidTag, KeyError, ValueError) as err:
        raise WebhookVerificationError(f'Could not decrypt with key "{key_id}": wrong key or tampered data') from err
    return json.loads(plain)


_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _rs256_verify(jwk, signing_input, signature):
    """RSASSA-PKCS1-v1_5 with SHA-256, from the JWK's n and e (standard library only)."""
    n = int.from_bytes(_b64url(jwk["n"]), "big")
    e = int.from_bytes(_b64url(jwk["e"]), "big")
    k = (n.bit_length() + 7) // 8
    if len(signature) != k:
        return False
    em = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    t = _SHA256_DIGEST_INFO + hashlib.sha256(signing_input).digest()
    expected = b"\x00\x01" + b"\xff" * (k - len(t) - 3) + b"\x00" + t
    return hmac.compare_digest(em, expected)


def fetch_record(url: str, expected_hash: str, jwks: Mapping[str, Any], timeout: float = 30) -> Tuple[bytes, str, Dict[str, Any]]:
    """Download a pointer payload's record and prove it is the announced one: its SHA-512 must
    equal ``expected_hash`` (the webhook's content_hash), and Herald's compact JWS (RS256, header
    ``Herald-Record-Signature``) must verify with ``jwks`` (a dict {"keys": [...]}) and name the
    same hash and size. Returns (bytes, content_type, claims)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as res:
            digest = hashlib.sha512()
            chunks = []
            while True:
                chunk = res.read(1 << 16)
                if not chunk:
                    break
                digest.update(chunk)
                chunks.append(chunk)
            content_type = res.headers.get("Content-Type", "")
            jws = res.headers.get("Herald-Record-Signature", "")
    except urllib.error.HTTPError as err:
        hint = " (the link expired or the record was purged)" if err.code == 410 else ""
        raise WebhookVerificationError(f"Record download failed with {err.code}{hint}") from err
    body = b"".join(chunks)
    actual = "sha512-" + base64.b64encode(digest.digest()).decode()
    if not _equal(expected_hash, actual):
        raise WebhookVerificationError("The record does not match the content hash in the webhook")
    parts = jws.split(".")
    if len(parts) != 3:
        raise WebhookVerificationError("The record has no compact JWS (Herald-Record-Signature header)")
    header = json.loads(_b64url(parts[0]))
    if header.get("alg") != "RS256":
        raise WebhookVerificationError(f"Unexpected JWS algorithm {header.get('alg')}")
    key = next((k for k in jwks.get("keys", []) if k.get("kid") == header.get("kid")), None)
    if key is None:
        raise WebhookVerificationError(f'No key "{header.get("kid")}" in the JWKS')
    if not _rs256_verify(key, f"{parts[0]}.{parts[1]}".encode(), _b64url(parts[2])):
        raise WebhookVerificationError("The record signature (JWS) does not verify")
    claims = json.loads(_b64url(parts[1]))
    if claims.get("content_hash") != actual or claims.get("size") != len(body):
        raise WebhookVerificationError("The signed claims do not describe these bytes")
    return body, content_type, claims
