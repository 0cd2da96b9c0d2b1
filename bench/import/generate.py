#!/usr/bin/env python3
"""Writes N contacts x 8 columns as CSV on stdout: telefono,nombre,apellido,email,ciudad,direccion,
telefono2,id_cliente. Every id_cliente is distinct; some values are quoted (commas, quotes), some
carry accents, so the parser does real work. Deterministic for a given N."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rnd = random.Random(42)
first = ["José", "María", "Ana", "Luis", "Zoë", "Łukasz", "Jorge", "Lucía", "Pedro", "Sofía", "Juan", "Valentina"]
last = ["Pérez", "Gómez", "O'Brien", "Núñez", "Rodríguez", "Fernández", "López", "Díaz", "Martínez", "Sánchez"]
cities = ["Córdoba", "Buenos Aires", "Rosario", "Mendoza", "La Plata", "San Miguel de Tucumán", "Mar del Plata", "Salta"]
streets = ["Av. Colón", "San Martín", "Bv. San Juan", "Belgrano", "Rivadavia", "27 de Abril"]
out = sys.stdout
write = out.write
write("telefono,nombre,apellido,email,ciudad,direccion,telefono2,id_cliente\n")
ids = list(range(n))
rnd.shuffle(ids)   # ids arrive in no particular order, as a CRM export would
for i in range(n):
    fn = first[i % len(first)]
    ln = last[(i * 7) % len(last)]
    street = streets[i % len(streets)]
    direccion = f'"{street} {i % 5000}, piso {i % 20}"' if i % 3 == 0 else f"{street} {i % 5000}"
    write(f"351{5000000 + i},{fn},{ln},user{i}@example.com,{cities[i % len(cities)]},{direccion},"
          f"11{4000000 + (i * 13) % 1000000},CLI-{ids[i]:08d}\n")
