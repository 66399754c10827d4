"""TLS and CORS through the real server: HTTPS with a certificate the test makes, and browser
origins refused unless listed."""
from __future__ import annotations

import datetime
import ipaddress
import ssl

import httpx
import pytest

from ketch.config import SecurityConfig, ServerConfig
from tests.serve.conftest import start_server, stop_server


def _self_signed(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_tls_serves_https_with_the_given_certificate(smollm2_path, tmp_path):
    cert, key = _self_signed(tmp_path)
    trust = ssl.create_default_context(cafile=cert)
    live, server, thread = start_server(str(smollm2_path), ssl_certfile=cert, ssl_keyfile=key,
                                        allowed_origins=("https://app.example",))
    try:
        assert live.url.startswith("https://")
        r = httpx.post(live.url + "/v1/completions", json={"prompt": "Hi", "max_tokens": 2}, verify=trust, timeout=60)
        assert r.status_code == 200 and r.json()["choices"][0]["text"] is not None
        with pytest.raises(httpx.ConnectError):  # an unknown certificate is refused by a verifying client
            httpx.get(live.url + "/health", timeout=10)
        with pytest.raises(httpx.RemoteProtocolError):  # plain HTTP on the TLS port gets nothing
            httpx.get(live.url.replace("https://", "http://") + "/health", timeout=10)

        # CORS: the listed origin gets its headers (a preflight too), another origin none
        pre = httpx.options(live.url + "/v1/completions", verify=trust, timeout=10, headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type"})
        assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://app.example"
        ok = httpx.get(live.url + "/health", verify=trust, timeout=10, headers={"Origin": "https://app.example"})
        assert ok.headers["access-control-allow-origin"] == "https://app.example"
        other = httpx.get(live.url + "/health", verify=trust, timeout=10, headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    finally:
        stop_server(server, thread)


def test_cors_is_closed_by_default_and_preflight_needs_no_key(live_server):
    r = httpx.get(live_server.url + "/health", headers={"Origin": "https://app.example"}, timeout=10)
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = httpx.options(live_server.url + "/v1/completions", timeout=10, headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
    assert pre.status_code < 500 and "access-control-allow-origin" not in pre.headers


def test_transport_options_are_checked_before_serving(tmp_path):
    with pytest.raises(ValueError, match="both"):
        ServerConfig(ssl_certfile=str(tmp_path / "c.pem"))
    with pytest.raises(FileNotFoundError, match="TLS file not found"):
        ServerConfig(ssl_certfile=str(tmp_path / "c.pem"), ssl_keyfile=str(tmp_path / "k.pem"))
    with pytest.raises(ValueError, match="allowed origin"):
        ServerConfig(allowed_origins=("app.example",))
    with pytest.raises(ValueError, match="audit_text needs"):
        SecurityConfig(audit_text=True)
