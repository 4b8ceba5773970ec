import json
import os
import sys
import unittest
from unittest import mock

# From the checkout, unless the install test runs this suite against an installed copy.
INSTALLED = os.environ.get("HERALD_WEBHOOKS_INSTALLED") == "1"
if not INSTALLED:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import herald_webhooks  # noqa: E402
from herald_webhooks import Webhook, WebhookVerificationError, decrypt_data, verify_webhook_signature, _ed25519  # noqa: E402

with open(os.path.join(os.path.dirname(__file__), "..", "..", "test-vectors", "signatures.json"), encoding="utf-8") as f:
    VECTORS = json.load(f)


class StandardTest(unittest.TestCase):
    def test_vectors(self):
        for v in VECTORS["standard"]:
            wh = Webhook(v["secret"], now=v["timestamp"])
            headers = {"webhook-id": v["id"], "webhook-timestamp": str(v["timestamp"]), "webhook-signature": "v1,bogus " + v["signature"]}
            self.assertEqual(wh.verify(v["body"], headers), json.loads(v["body"]))
            self.assertEqual(wh.sign(v["id"], v["timestamp"], v["body"]), v["signature"])

    def test_failures(self):
        v = VECTORS["standard"][0]
        headers = {"Webhook-Id": v["id"], "Webhook-Timestamp": str(v["timestamp"]), "Webhook-Signature": v["signature"]}
        self.assertEqual(Webhook(v["secret"], now=v["timestamp"]).verify(v["body"].encode(), headers), json.loads(v["body"]))
        with self.assertRaises(WebhookVerificationError):
            Webhook(v["secret"], now=v["timestamp"]).verify(v["body"] + " ", headers)
        with self.assertRaisesRegex(WebhookVerificationError, "too old"):
            Webhook(v["secret"], now=v["timestamp"] + 301).verify(v["body"], headers)
        with self.assertRaisesRegex(WebhookVerificationError, "too new"):
            Webhook(v["secret"], now=v["timestamp"] - 301).verify(v["body"], headers)
        with self.assertRaisesRegex(WebhookVerificationError, "Missing"):
            Webhook(v["secret"]).verify(v["body"], {"webhook-id": v["id"]})
        with self.assertRaises(WebhookVerificationError):
            Webhook("whsec_" + "A" * 43 + "=", now=v["timestamp"]).verify(v["body"], headers)

    def test_hostile_signature_characters_are_a_verification_error(self):
        # hmac.compare_digest raises TypeError on non-ASCII str; a forged header must not crash the receiver.
        v = VECTORS["standard"][0]
        for forged in ["v1,é" + v["signature"][4:], "v1,\udcff", "v1," + "\u0000" * 44]:
            headers = {"webhook-id": v["id"], "webhook-timestamp": str(v["timestamp"]), "webhook-signature": forged}
            with self.assertRaises(WebhookVerificationError):
                Webhook(v["secret"], now=v["timestamp"]).verify(v["body"], headers)
        t = VECTORS["timestamped"][0]
        with self.assertRaises(WebhookVerificationError):
            verify_webhook_signature(t["body"], "t=%d,v1=é" % t["timestamp"], t["secrets"][0], now=t["timestamp"])
        with self.assertRaises(WebhookVerificationError):
            Webhook("whsec_plain_secret_value", scheme="hmac-hex").verify("{}", {"X-Webhook-ID": "x", "X-Webhook-Signature": "sha256=é"})


class Ed25519Test(unittest.TestCase):
    def setUp(self):
        self.v = VECTORS["standard-ed25519"][0]
        self.headers = {"webhook-id": self.v["id"], "webhook-timestamp": str(self.v["timestamp"]), "webhook-signature": self.v["signature"]}

    def check(self):
        v = self.v
        wh = Webhook(v["public_key"], now=v["timestamp"])
        self.assertEqual(wh.scheme, "standard-ed25519")
        self.assertEqual(wh.verify(v["body"], self.headers), json.loads(v["body"]))
        with self.assertRaises(WebhookVerificationError):
            wh.verify(v["body"].replace("42", "43"), self.headers)
        with self.assertRaises(WebhookVerificationError):
            wh.verify(v["body"], {**self.headers, "webhook-signature": "v1," + v["signature"][4:]})

    def test_pure_python_verifier(self):
        # Hide the optional package so the RFC 8032 fallback is what runs.
        with mock.patch.dict(sys.modules, {"cryptography": None, "cryptography.exceptions": None, "cryptography.hazmat.primitives.asymmetric.ed25519": None}):
            self.check()

    def test_rfc8032_test_vector_1(self):
        public = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        sig = bytes.fromhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        self.assertTrue(_ed25519.verify(public, b"", sig))
        self.assertFalse(_ed25519.verify(public, b"x", sig))

    def test_with_whatever_is_installed(self):
        self.check()


class HmacHexTest(unittest.TestCase):
    def test_vectors(self):
        for v in VECTORS["hmac-hex"]:
            headers = {"X-Webhook-ID": v["id"], "X-Webhook-Timestamp": str(v["timestamp"]), "X-Webhook-Signature": v["signature"]}
            wh = Webhook(v["secret"], scheme="hmac-hex", signed_content=v["signed_content"], now=v["timestamp"] + 7200)
            self.assertEqual(wh.verify(v["body"], headers), json.loads(v["body"]))
            with self.assertRaises(WebhookVerificationError):
                wh.verify(v["body"] + " ", headers)
            with self.assertRaises(WebhookVerificationError):
                Webhook("whsec_other", scheme="hmac-hex", signed_content=v["signed_content"]).verify(v["body"], headers)
        v = VECTORS["hmac-hex"][0]
        headers = {"x-webhook-id": v["id"], "x-webhook-timestamp": str(v["timestamp"]), "x-webhook-signature": v["signature"]}
        with self.assertRaisesRegex(WebhookVerificationError, "too old"):
            Webhook(v["secret"], scheme="hmac-hex", tolerance_seconds=300, now=v["timestamp"] + 7200).verify(v["body"], headers)


class TimestampedTest(unittest.TestCase):
    def test_vectors_as_seed_003_calls_it(self):
        for v in VECTORS["timestamped"]:
            for secret in v["secrets"]:
                event = verify_webhook_signature(raw_body=v["body"], signature_header=v["header"], signing_secret=secret, now=v["timestamp"])
                self.assertEqual(event, json.loads(v["body"]))
                wh = Webhook(secret, scheme="timestamped", header_name=v["header_name"], now=v["timestamp"])
                self.assertEqual(wh.verify(v["body"], {v["header_name"]: v["header"]}), json.loads(v["body"]))

    def test_failures(self):
        v = VECTORS["timestamped"][0]
        secret = v["secrets"][0]
        for body, header, key, now, pattern in [
            (v["body"], v["header"], "whsec_wrong", v["timestamp"], "No matching"),
            (v["body"].replace("42", "24"), v["header"], secret, v["timestamp"], "No matching"),
            (v["body"], v["header"], secret, v["timestamp"] + 301, "too old"),
            (v["body"], None, secret, v["timestamp"], "Missing"),
            (v["body"], "t=1704067200", secret, v["timestamp"], "no v1="),
        ]:
            with self.assertRaisesRegex(WebhookVerificationError, pattern):
                verify_webhook_signature(body, header, key, now=now)


with open(os.path.join(os.path.dirname(__file__), "..", "..", "test-vectors", "encryption.json"), encoding="utf-8") as f:
    ENCRYPTION = json.load(f)["a256gcm"]

try:
    import cryptography  # noqa: F401

    HAVE_CRYPTOGRAPHY = True
except ImportError:
    HAVE_CRYPTOGRAPHY = False


@unittest.skipUnless(HAVE_CRYPTOGRAPHY, "decrypt_data needs the optional cryptography package (run by npm test with /usr/bin/python3)")
class DecryptTest(unittest.TestCase):
    def test_decrypts_with_old_and_new_keys(self):
        keys = {v["key_id"]: v["key"] for v in ENCRYPTION}
        for v in ENCRYPTION:
            self.assertEqual(decrypt_data(v["envelope"], keys), json.loads(v["plaintext"]))

    def test_failures(self):
        v = ENCRYPTION[0]
        with self.assertRaisesRegex(WebhookVerificationError, "No key"):
            decrypt_data(v["envelope"], {})
        wrong = {v["key_id"]: ENCRYPTION[1]["key"]}
        with self.assertRaisesRegex(WebhookVerificationError, "wrong key or tampered"):
            decrypt_data(v["envelope"], wrong)
        tampered = json.loads(json.dumps(v["envelope"]))
        tampered["data"]["ciphertext"] = "A" + tampered["data"]["ciphertext"][1:]
        with self.assertRaises(WebhookVerificationError):
            decrypt_data(tampered, {v["key_id"]: v["key"]})
        with self.assertRaisesRegex(WebhookVerificationError, "not A256GCM"):
            decrypt_data({"data": {"plain": True}}, {})


class DecryptWithoutCryptographyTest(unittest.TestCase):
    def test_clear_error_when_the_optional_package_is_missing(self):
        with mock.patch.dict(sys.modules, {"cryptography": None, "cryptography.exceptions": None, "cryptography.hazmat.primitives.ciphers.aead": None}):
            with self.assertRaisesRegex(ImportError, "cryptography"):
                decrypt_data(ENCRYPTION[0]["envelope"], {})


class PackageTest(unittest.TestCase):
    def test_imported_copy(self):
        # Installed: the import is the installed copy, typed (py.typed). Else: this checkout's.
        package_dir = os.path.dirname(herald_webhooks.__file__)
        checkout = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", "herald_webhooks"))
        self.assertEqual(os.path.realpath(package_dir) != checkout, INSTALLED, package_dir)
        self.assertTrue(os.path.exists(os.path.join(package_dir, "py.typed")))

    def test_public_functions_are_annotated(self):
        import inspect

        for fn in (Webhook.__init__, Webhook.verify, Webhook.sign, verify_webhook_signature, decrypt_data, herald_webhooks.fetch_record):
            signature = inspect.signature(fn)
            self.assertNotEqual(signature.return_annotation, inspect.Signature.empty, fn.__qualname__)
            for name, parameter in signature.parameters.items():
                if name != "self":
                    self.assertNotEqual(parameter.annotation, inspect.Parameter.empty, f"{fn.__qualname__}({name})")


if __name__ == "__main__":
    unittest.main()
