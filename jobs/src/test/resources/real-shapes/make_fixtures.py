#!/usr/bin/env python3
"""Fixtures in the shapes of real seller-centre exports (stdlib only): RealExportShapesTest reads them.

Run from this folder: python3 make_fixtures.py . (writes <marketplace>-seller/toko-dummy/...). Headers are copied from
the public sources docs/MAPPINGS.md ("Real seller-centre exports") cites; the values are invented (buyers, shops and
order numbers are dummies). Where a detail is inferred rather than seen in a source it is marked INFERRED below.
"""
import csv
import os
import shutil
import zipfile
from xml.sax.saxutils import escape

import sys
OUT = sys.argv[1] if len(sys.argv) > 1 else "."


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, rows, sheet_name="orders"):
    """rows: list of lists; str -> inline string cell, int/float -> number cell, None -> empty."""
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            if v is None or v == "":
                continue
            ref = f"{col_letter(c)}{r}"
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                txt = escape(str(v))
                sp = ' xml:space="preserve"' if txt != txt.strip() or "\n" in txt else ""
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t{sp}>{txt}</t></is></c>')
        sheet.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    sheet.append("</sheetData></worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": "".join(sheet),
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)


# ---------------------------------------------------------------------------------------------------------------
# Shopee Seller Centre "Pesanan Saya > Export" (Order.all.<from>_<to>.xlsx), Indonesian headers, 51 columns in
# the order of the fixture generator that says it copies the real export (public GitHub, index id 71213052068).
# Text cells: dates "yyyy-MM-dd HH:mm", amounts with dot grouping ("37.200").
# ---------------------------------------------------------------------------------------------------------------
SHOPEE_HEADER = [
    'No. Pesanan', 'Status Pesanan', 'Shipped by Advance Fulfilment', 'Booking SN',
    'Status Pembatalan/ Pengembalian', 'No. Resi', 'Opsi Pengiriman', 'Antar ke counter/ pick-up',
    'Pesanan Harus Dikirimkan Sebelum (Menghindari keterlambatan)', 'Waktu Pengiriman Diatur',
    'Waktu Pesanan Dibuat', 'Waktu Pembayaran Dilakukan', 'Tipe Pesanan', 'Metode Pembayaran',
    'SKU Induk', 'Nama Produk', 'Nomor Referensi SKU', 'Nama Variasi', 'Harga Awal',
    'Harga Setelah Diskon', 'Jumlah', 'Returned quantity', 'Subtotal Pesanan', 'Total Diskon',
    'Diskon Dari Penjual', 'Diskon Dari Shopee', 'Berat Produk', 'Jumlah Produk di Pesan',
    'Total Berat', 'Voucher Ditanggung Penjual', 'Cashback Koin', 'Voucher Ditanggung Shopee',
    'Paket Diskon', 'Paket Diskon (Diskon dari Shopee)', 'Paket Diskon (Diskon dari Penjual)',
    'Potongan Koin Shopee', 'Diskon Kartu Kredit', 'Ongkos Kirim Dibayar oleh Pembeli',
    'Estimasi Potongan Biaya Pengiriman', 'Ongkos Kirim Pengembalian Barang', 'Total Pembayaran',
    'Perkiraan Ongkos Kirim', 'Catatan dari Pembeli', 'Catatan', 'Username (Pembeli)',
    'Nama Penerima', 'No. Telepon', 'Alamat Pengiriman', 'Kota/Kabupaten', 'Provinsi',
    'Waktu Pesanan Selesai',
]


def shopee_row(n, **f):
    base = {
        'Shipped by Advance Fulfilment': 'N', 'No. Resi': f'DUMMYRESI{n:06d}',
        'Opsi Pengiriman': 'Reguler (Cashless)-Dummy Express', 'Antar ke counter/ pick-up': 'Antar ke Counter',
        'Pesanan Harus Dikirimkan Sebelum (Menghindari keterlambatan)': '2024-08-03 23:59',
        'Waktu Pengiriman Diatur': '2024-08-02 10:00', 'Waktu Pesanan Dibuat': '2024-08-01 08:00',
        'Waktu Pembayaran Dilakukan': '2024-08-01 08:05', 'Metode Pembayaran': 'Online Payment',
        'Returned quantity': '0', 'Total Diskon': '0', 'Diskon Dari Penjual': '0', 'Diskon Dari Shopee': '0',
        'Berat Produk': '100 gr', 'Jumlah Produk di Pesan': '1', 'Total Berat': '100 gr',
        'Voucher Ditanggung Penjual': '0', 'Cashback Koin': '0', 'Voucher Ditanggung Shopee': '0',
        'Paket Diskon': 'N', 'Paket Diskon (Diskon dari Shopee)': '0', 'Paket Diskon (Diskon dari Penjual)': '0',
        'Potongan Koin Shopee': '0', 'Diskon Kartu Kredit': '0', 'Ongkos Kirim Dibayar oleh Pembeli': '0',
        'Estimasi Potongan Biaya Pengiriman': '0', 'Ongkos Kirim Pengembalian Barang': '0',
        'Perkiraan Ongkos Kirim': '0',
        # buyer (dummy): these are the BUYER's delivery city/province, not the seller's
        'Username (Pembeli)': f'pembeli_dummy_{n}', 'Nama Penerima': f'Penerima Dummy {n}',
        'No. Telepon': f'62800000000{n:02d}', 'Alamat Pengiriman': f'Jl. Contoh No. {n}, Kota Bandung',
        'Kota/Kabupaten': 'KOTA BANDUNG', 'Provinsi': 'JAWA BARAT',
    }
    base.update(f)
    if 'Harga Awal' not in base:
        base['Harga Awal'] = base.get('Harga Setelah Diskon', '')
    if 'Total Pembayaran' not in base:
        base['Total Pembayaran'] = base.get('Subtotal Pesanan', '')
    return [base.get(h, '') for h in SHOPEE_HEADER]


SHOPEE_ROWS = [
    # 1 plain completed line
    shopee_row(1, **{'No. Pesanan': '240801AB1CDE01', 'Status Pesanan': 'Selesai', 'SKU Induk': 'DUM-POND',
                     'Nama Produk': "Pond's Dummy Day Cream 9gr", 'Nomor Referensi SKU': 'DUM-POND',
                     'Harga Setelah Diskon': '37.200', 'Jumlah': '1', 'Subtotal Pesanan': '37.200',
                     'Waktu Pesanan Selesai': '2024-08-05 10:17'}),
    # 2-3 one order, two variations of one product, no Nomor Referensi SKU (common: a real export with all-blank
    # SKU columns is described in index id 52484114450)
    shopee_row(2, **{'No. Pesanan': '240801AB1CDE02', 'Status Pesanan': 'Selesai', 'SKU Induk': 'DUM-DOT',
                     'Nama Produk': 'Dot Bayi Dummy 1 Toples 18PCS', 'Nama Variasi': 'M',
                     'Harga Setelah Diskon': '28.500', 'Jumlah': '2', 'Subtotal Pesanan': '57.000',
                     'Jumlah Produk di Pesan': '3', 'Waktu Pesanan Selesai': '2024-08-06 09:00'}),
    shopee_row(3, **{'No. Pesanan': '240801AB1CDE02', 'Status Pesanan': 'Selesai', 'SKU Induk': 'DUM-DOT',
                     'Nama Produk': 'Dot Bayi Dummy 1 Toples 18PCS', 'Nama Variasi': 'L (Regular)',
                     'Harga Setelah Diskon': '28.500', 'Jumlah': '1', 'Subtotal Pesanan': '28.500',
                     'Jumlah Produk di Pesan': '3', 'Waktu Pesanan Selesai': '2024-08-06 09:00'}),
    # 4 "Selesai" but a return/refund was approved for 1 of the 2 units
    shopee_row(4, **{'No. Pesanan': '240802AB1CDE04', 'Status Pesanan': 'Selesai',
                     'Status Pembatalan/ Pengembalian': 'Permintaan Disetujui',
                     'Nama Produk': '[GROSIR] Bedak Dummy Silver', 'Nama Variasi': 'Putih',
                     'Harga Setelah Diskon': '25.000', 'Jumlah': '2', 'Returned quantity': '1',
                     'Subtotal Pesanan': '50.000', 'Waktu Pesanan Dibuat': '2024-08-02 11:30',
                     'Waktu Pesanan Selesai': '2024-08-17 11:00'}),
    # 5 cancelled
    shopee_row(5, **{'No. Pesanan': '240803AB1CDE05', 'Status Pesanan': 'Batal', 'SKU Induk': 'DUM-DOT',
                     'Nama Produk': 'Dot Bayi Dummy 1 Toples 18PCS', 'Nama Variasi': 'S',
                     'Harga Setelah Diskon': '28.500', 'Jumlah': '1', 'Subtotal Pesanan': '28.500',
                     'Waktu Pesanan Dibuat': '2024-08-03 19:45'}),
    # 6 unpaid
    shopee_row(6, **{'No. Pesanan': '240803AB1CDE06', 'Status Pesanan': 'Belum Bayar',
                     'Nama Produk': '[HARGA GROSIR] Sikat Gigi Dummy 12PCS', 'Harga Setelah Diskon': '49.550',
                     'Jumlah': '1', 'Subtotal Pesanan': '49.550', 'Waktu Pesanan Dibuat': '2024-08-03 21:02'}),
    # 7 in transit
    shopee_row(7, **{'No. Pesanan': '240805AB1CDE07', 'Status Pesanan': 'Sedang Dikirim', 'SKU Induk': 'DUM-POND',
                     'Nama Produk': "Pond's Dummy Day Cream 9gr", 'Nomor Referensi SKU': 'DUM-POND',
                     'Harga Setelah Diskon': '37.200', 'Jumlah': '1', 'Subtotal Pesanan': '37.200',
                     'Waktu Pesanan Dibuat': '2024-08-05 07:12'}),
    # 8 delivered, still inside the buyer's return window: Shopee writes a sentence with a date in it
    shopee_row(8, **{'No. Pesanan': '240820AB1CDE08',
                     'Status Pesanan': 'Pesanan diterima, namun Pembeli masih dapat mengajukan pengembalian hingga 2024-08-29.',
                     'Nama Produk': 'Kemeja Batik Dummy Lengan Panjang', 'Nomor Referensi SKU': 'BTK-01',
                     'Harga Awal': '150.000', 'Harga Setelah Diskon': '135.000', 'Jumlah': '1',
                     'Subtotal Pesanan': '135.000', 'Waktu Pesanan Dibuat': '2024-08-20 13:40'}),
    # 9 buyer asked to cancel
    shopee_row(9, **{'No. Pesanan': '240821AB1CDE09', 'Status Pesanan': 'Pembatalan diajukan',
                     'Nama Produk': 'Kemeja Batik Dummy Lengan Panjang', 'Nomor Referensi SKU': 'BTK-01',
                     'Harga Setelah Diskon': '135.000', 'Jumlah': '1', 'Subtotal Pesanan': '135.000',
                     'Waktu Pesanan Dibuat': '2024-08-21 22:15'}),
    # 10 shipped, larger amount with two dot groups
    shopee_row(10, **{'No. Pesanan': '240822AB1CDE10', 'Status Pesanan': 'Telah Dikirim',
                      'Nama Produk': 'Rice Cooker Dummy 1.8L', 'Nomor Referensi SKU': 'RC-18',
                      'Harga Awal': '1.299.000', 'Harga Setelah Diskon': '1.250.000', 'Jumlah': '1',
                      'Subtotal Pesanan': '1.250.000', 'Waktu Pesanan Dibuat': '2024-08-22 23:59'}),
    # 11 paid, not yet shipped
    shopee_row(11, **{'No. Pesanan': '240823AB1CDE11', 'Status Pesanan': 'Perlu Dikirim',
                      'Nama Produk': 'Rice Cooker Dummy 1.8L', 'Nomor Referensi SKU': 'RC-18',
                      'Harga Setelah Diskon': '1.250.000', 'Jumlah': '1', 'Subtotal Pesanan': '1.250.000',
                      'Waktu Pesanan Dibuat': '2024-08-23 06:30'}),
]

# ---------------------------------------------------------------------------------------------------------------
# TikTok Shop Seller Center order export (CSV or Excel). Header: the list published at amz123.com (US) and
# jeffpham2906/JP-Manager server/types/order.d.ts (VN) with the Indonesian address columns read by index id
# 41592522368 ("Regency and City", "Districts", "Zipcode", "Detail Address"). INFERRED: "Villages" and the exact
# position of the address columns. Row 2 is TikTok's description row. Amounts "IDR 125.000", times
# "dd/MM/yyyy HH:mm:ss" followed by a tab (index id 41592522368 strips "\t" before parsing "%d/%m/%Y %H:%M:%S").
# ---------------------------------------------------------------------------------------------------------------
TT_HEADER = ['Order ID', 'Order Status', 'Order Substatus', 'Cancelation/Return Type', 'Normal or Pre-order',
             'SKU ID', 'Seller SKU', 'Product Name', 'Variation', 'Quantity', 'Sku Quantity of return',
             'SKU Unit Original Price', 'SKU Subtotal Before Discount', 'SKU Platform Discount',
             'SKU Seller Discount', 'SKU Subtotal After Discount', 'Shipping Fee After Discount',
             'Original Shipping Fee', 'Shipping Fee Seller Discount', 'Shipping Fee Platform Discount',
             'Payment platform discount', 'Taxes', 'Order Amount', 'Order Refund Amount', 'Created Time',
             'Paid Time', 'RTS Time', 'Shipped Time', 'Delivered Time', 'Cancelled Time', 'Cancel By',
             'Cancel Reason', 'Fulfillment Type', 'Warehouse Name', 'Tracking ID', 'Delivery Option',
             'Shipping Provider Name', 'Buyer Message', 'Buyer Username', 'Recipient', 'Phone #', 'Zipcode',
             'Country', 'Province', 'Regency and City', 'Districts', 'Villages', 'Detail Address',
             'Additional address information', 'Payment Method', 'Weight(kg)', 'Product Category', 'Package ID',
             'Seller Note', 'Checked Status', 'Checked Marked by']
# the first descriptions are verbatim from amz123.com; the rest INFERRED (any text: the point is that row 2 is text)
TT_DESC = {'Order ID': 'Platform unique order ID.', 'Order Status': 'Current order status.',
           'Cancelation/Return Type': 'The filed to explain the order is in cancellation or in return/refund.',
           'SKU ID': 'Platform SKU ID.', 'Seller SKU': 'Seller sku input by the seller in the product system.',
           'Product Name': 'Platform product name.', 'Variation': 'Platform SKU variation',
           'Quantity': 'SKU sold quantity in the order.', 'Sku Quantity of return': 'SKU returned quantity in the order.',
           'SKU Unit Original Price': '1 SKU original price.',
           'SKU Subtotal Before Discount': 'It equals to SKU Unit Original Price * Sku Quantity.',
           'SKU Platform Discount': 'Total platform discount in this SKU ID.',
           'SKU Seller Discount': 'Total seller discount in this SKU ID',
           'Created Time': 'The time when the order was created.'}


def tt_row(**f):
    base = {'Normal or Pre-order': 'Normal', 'Fulfillment Type': 'Fulfillment by seller', 'Country': 'Indonesia',
            'Province': 'Jawa Timur', 'Regency and City': 'Kota Surabaya', 'Districts': 'Gubeng', 'Villages': 'Airlangga',
            'Zipcode': '60286', 'Detail Address': 'Jl. Dummy No. 1', 'Buyer Username': 'buyer_dummy',
            'Recipient': 'Penerima Dummy', 'Phone #': '(+62)812*****00', 'Payment Method': 'COD',
            'Weight(kg)': '0.5', 'Product Category': 'Fashion Muslim', 'Taxes': 'IDR 0', 'Order Refund Amount': 'IDR 0',
            'SKU Platform Discount': 'IDR 0', 'SKU Seller Discount': 'IDR 0', 'Shipping Fee After Discount': 'IDR 0',
            'Original Shipping Fee': 'IDR 0', 'Shipping Fee Seller Discount': 'IDR 0',
            'Shipping Fee Platform Discount': 'IDR 0', 'Payment platform discount': 'IDR 0',
            'Sku Quantity of return': '0'}
    base.update(f)
    return [base.get(h, '') for h in TT_HEADER]


TT_ROWS = [
    tt_row(**{'Order ID': '577012345678901001', 'Order Status': 'Completed', 'Order Substatus': 'Completed',
              'SKU ID': '1729000000000001', 'Seller SKU': 'ZOYA-SG', 'Product Name': 'Zoya Kerudung Segi Empat Dummy',
              'Variation': 'Hitam', 'Quantity': '1', 'SKU Unit Original Price': 'IDR 125.000',
              'SKU Subtotal Before Discount': 'IDR 125.000', 'SKU Subtotal After Discount': 'IDR 125.000',
              'Order Amount': 'IDR 125.000', 'Created Time': '01/08/2024 10:22:11\t', 'Paid Time': '01/08/2024 10:23:40\t'}),
    # multi-unit line with a seller discount: After Discount is the LINE total (It equals ... * Sku Quantity)
    tt_row(**{'Order ID': '577012345678901002', 'Order Status': 'Completed', 'Order Substatus': 'Completed',
              'SKU ID': '1729000000000002', 'Seller SKU': 'RC-18', 'Product Name': 'Rice Cooker Dummy 1.8L',
              'Quantity': '3', 'SKU Unit Original Price': 'IDR 1.299.000',
              'SKU Subtotal Before Discount': 'IDR 3.897.000', 'SKU Seller Discount': 'IDR 300.000',
              'SKU Subtotal After Discount': 'IDR 3.597.000', 'Order Amount': 'IDR 3.597.000',
              'Created Time': '13/08/2024 21:05:00\t'}),
    # completed, but refunded: the status stays Completed
    tt_row(**{'Order ID': '577012345678901003', 'Order Status': 'Completed', 'Order Substatus': 'Completed',
              'Cancelation/Return Type': 'Return/Refund', 'Sku Quantity of return': '1',
              'SKU ID': '1729000000000001', 'Seller SKU': 'ZOYA-SG', 'Product Name': 'Zoya Kerudung Segi Empat Dummy',
              'Variation': 'Putih', 'Quantity': '1', 'SKU Unit Original Price': 'IDR 125.000',
              'SKU Subtotal Before Discount': 'IDR 125.000', 'SKU Subtotal After Discount': 'IDR 125.000',
              'Order Amount': 'IDR 125.000', 'Order Refund Amount': 'IDR 125.000',
              'Created Time': '14/08/2024 08:00:00\t'}),
    tt_row(**{'Order ID': '577012345678901004', 'Order Status': 'Canceled', 'Order Substatus': 'Canceled',
              'Cancelation/Return Type': 'Cancel', 'Cancel By': 'Buyer',
              'SKU ID': '1729000000000002', 'Seller SKU': 'RC-18', 'Product Name': 'Rice Cooker Dummy 1.8L',
              'Quantity': '1', 'SKU Unit Original Price': 'IDR 1.299.000',
              'SKU Subtotal Before Discount': 'IDR 1.299.000', 'SKU Subtotal After Discount': 'IDR 1.299.000',
              'Order Amount': 'IDR 1.299.000', 'Created Time': '20/08/2024 17:45:09\t'}),
    tt_row(**{'Order ID': '577012345678901005', 'Order Status': 'Shipped', 'Order Substatus': 'In transit',
              'SKU ID': '1729000000000001', 'Seller SKU': 'ZOYA-SG', 'Product Name': 'Zoya Kerudung Segi Empat Dummy',
              'Quantity': '2', 'SKU Unit Original Price': 'IDR 125.000',
              'SKU Subtotal Before Discount': 'IDR 250.000', 'SKU Subtotal After Discount': 'IDR 250.000',
              'Order Amount': 'IDR 250.000', 'Created Time': '30/08/2024 23:10:00\t'}),
    tt_row(**{'Order ID': '577012345678901006', 'Order Status': 'To ship', 'Order Substatus': 'Awaiting shipment',
              'SKU ID': '1729000000000001', 'Seller SKU': 'ZOYA-SG', 'Product Name': 'Zoya Kerudung Segi Empat Dummy',
              'Quantity': '1', 'SKU Unit Original Price': 'IDR 125.000',
              'SKU Subtotal Before Discount': 'IDR 125.000', 'SKU Subtotal After Discount': 'IDR 125.000',
              'Order Amount': 'IDR 125.000', 'Created Time': '31/08/2024 09:00:00\t'}),
]

# ---------------------------------------------------------------------------------------------------------------
# Lazada Seller Center order export (.xlsx), camelCase headers, one row per unit (plurantee/posms
# src/main/java/com/flogramming/service/ExcelFileService.java and index ids 52526887953, 54716795031).
# createTime "dd MMM yyyy HH:mm" ("04 Jul 2022 11:46", "28 Feb 2026 23:30"); status lower case.
# ---------------------------------------------------------------------------------------------------------------
LZ_HEADER = ['orderItemId', 'orderType', 'Guarantee', 'deliveryType', 'lazadaId', 'sellerSku', 'lazadaSku',
             'wareHouse', 'createTime', 'updateTime', 'rtsSla', 'ttsSla', 'orderNumber', 'invoiceRequired',
             'invoiceNumber', 'deliveredDate', 'customerName', 'customerEmail', 'nationalRegistrationNumber',
             'shippingName', 'shippingAddress', 'shippingAddress2', 'shippingAddress3', 'shippingAddress4',
             'shippingAddress5', 'shippingPhone', 'shippingPhone2', 'shippingCity', 'shippingPostCode',
             'shippingCountry', 'shippingRegion', 'billingName', 'billingAddr', 'billingAddr2', 'billingAddr3',
             'billingAddr4', 'billingAddr5', 'billingPhone', 'billingPhone2', 'billingCity', 'billingPostCode',
             'billingCountry', 'taxCode', 'branchNumber', 'taxInvoiceRequested', 'payMethod', 'paidPrice',
             'unitPrice', 'sellerDiscountTotal', 'shippingFee', 'walletCredit', 'itemName', 'variation',
             'cdShippingProvider', 'shippingProvider', 'shipmentTypeName', 'shippingProviderType', 'cdTrackingCode',
             'trackingCode', 'trackingUrl', 'shippingProviderFM', 'trackingCodeFM', 'trackingUrlFM',
             'promisedShippingTime', 'premium', 'status', 'buyerFailedDeliveryReturnInitiator',
             'buyerFailedDeliveryReason', 'buyerFailedDeliveryDetail', 'buyerFailedDeliveryUserName', 'bundleId',
             'bundleDiscount', 'refundAmount']


def lz_row(**f):
    base = {'orderType': 'Normal', 'deliveryType': 'dropship', 'customerName': 'Pembeli Dummy',
            'shippingCity': 'Kota Bandung', 'shippingRegion': 'Jawa Barat', 'shippingCountry': 'Indonesia',
            'payMethod': 'COD', 'sellerDiscountTotal': 0, 'shippingFee': 0, 'walletCredit': 0,
            'invoiceRequired': 'No'}
    base.update(f)
    return [base.get(h, '') for h in LZ_HEADER]


LZ_ROWS = [
    lz_row(orderItemId='412345678901001', orderNumber='812345678901', sellerSku='BTK-01',
           createTime='14 Aug 2024 10:05', itemName='Kemeja Batik Dummy, Lengan Panjang', paidPrice=185000,
           unitPrice=199000, sellerDiscountTotal=-14000, status='delivered'),
    # the same order, a second unit of the same SKU: its own row and orderItemId
    lz_row(orderItemId='412345678901002', orderNumber='812345678901', sellerSku='BTK-01',
           createTime='14 Aug 2024 10:05', itemName='Kemeja Batik Dummy, Lengan Panjang', paidPrice=185000,
           unitPrice=199000, sellerDiscountTotal=-14000, status='delivered'),
    lz_row(orderItemId='412345678902001', orderNumber='812345678902', sellerSku='RC-18',
           createTime='15 Aug 2024 21:40', itemName='Rice Cooker Dummy 1.8L', paidPrice=1250000, unitPrice=1299000,
           status='confirmed'),
    lz_row(orderItemId='412345678903001', orderNumber='812345678903', sellerSku='RC-18',
           createTime='16 Aug 2024 08:12', itemName='Rice Cooker Dummy 1.8L', paidPrice=1299000, unitPrice=1299000,
           status='canceled'),
    lz_row(orderItemId='412345678904001', orderNumber='812345678904', sellerSku='BTK-01',
           createTime='28 Aug 2024 23:30', itemName='Kemeja Batik Dummy, Lengan Panjang', paidPrice=199000,
           unitPrice=199000, status='Package Returned', buyerFailedDeliveryReturnInitiator='buyer'),
    lz_row(orderItemId='412345678905001', orderNumber='812345678905', sellerSku='BTK-01',
           createTime='31 Aug 2024 19:00', itemName='Kemeja Batik Dummy, Lengan Panjang', paidPrice=199000,
           unitPrice=199000, status='ready_to_ship'),
]

# ---------------------------------------------------------------------------------------------------------------
# Tokopedia seller "Laporan Penjualan" export (.xlsx): header on row 5 (pd.read_excel(header=[4]) in index id
# 41242687897). Columns from index ids 41242687897 / 41592522368 / 57951299373; their ORDER and the text of rows 1-4
# are INFERRED. Tanggal Pembayaran "dd-MM-yyyy HH:mm:ss"; Status Terakhir may be "<status> -\n<reason>".
# ---------------------------------------------------------------------------------------------------------------
TP_HEADER = ['Nomor Invoice', 'Tanggal Pembayaran', 'Status Terakhir', 'Tanggal Pesanan Selesai',
             'Tanggal Pengiriman Barang', 'Nama Produk', 'Nomor SKU', 'Jumlah Produk Dibeli', 'Harga Awal (IDR)',
             'Harga Jual (IDR)', 'Total Penjualan (IDR)', 'Jumlah Subsidi Tokopedia (IDR)',
             'Nilai Kupon Toko Terpakai (IDR)', 'Nama Kurir', 'No Resi / Kode Booking', 'Nama Penerima',
             'No Telp Penerima', 'Alamat Pengiriman', 'Provinsi', 'Kota']
TP_ROWS = [
    ['Laporan Penjualan'],                       # INFERRED title rows
    ['Toko Dummy'],
    ['Periode: 01-08-2024 - 31-08-2024'],
    [],
    TP_HEADER,
    ['INV/20240801/MPL/1234567890', '01-08-2024 10:22:11', 'Pesanan Selesai', '05-08-2024', '02-08-2024',
     'Kemeja Batik Dummy', 'BTK-01', 2, 150000, 135000, 270000, 0, 0, 'JNE Reguler', 'JNE0001', 'Dummy', '0800',
     'Jl. Dummy', 'Jawa Barat', 'Kota Bandung'],
    ['INV/20240802/MPL/1234567891', '02-08-2024 09:00:00', 'Dibatalkan Penjual -\nStok barang habis', '', '',
     'Kemeja Batik Dummy', 'BTK-01', 1, 150000, 135000, 135000, 0, 0, 'JNE Reguler', '', 'Dummy', '0800',
     'Jl. Dummy', 'Jawa Barat', 'Kota Bandung'],
    ['INV/20240803/MPL/1234567892', '03-08-2024 20:15:45', 'Dibatalkan Sistem', '', '',
     'Rice Cooker Dummy 1.8L', 'RC-18', 1, 1299000, 1250000, 1250000, 0, 0, 'SiCepat', '', 'Dummy', '0800',
     'Jl. Dummy', 'Jawa Barat', 'Kota Bandung'],
]


# ---------------------------------------------------------------------------------------------------------------
# Blibli Seller API order detail (GET /v2/proxy/mta/api/businesspartner/v1/order/orderDetail): one order ITEM per
# response, its fields under "value". A shop's dump: one "value" object per JSON line (each line one orderItemNo).
# Field names and types as the importers read them: harryfi/harryfi MasterOnline/Controllers/BlibliController.cs
# (every field below, orderDate and autoCancelDate epoch milliseconds, qty, productPrice and total numbers), index id
# 48973515998 (a VB.NET importer: value.orderHistory[].orderStatus D delivered, X cancelled, DF failed), IZI's Odoo
# connector (index ids 33538294598, 33508515062: orderNo, orderItemNo, productName, productPrice as the unit price,
# qty, orderDate / 1000; statuses FP, PF, CR, CX, PU, OS, BP, D, X). INFERRED: the order of the keys, orderNo and
# orderItemNo written as JSON strings (Blibli's sample request passes "25100026490"), productPrice as 125000.0, the
# orderHistory entries' keys beyond orderStatus / orderStatusDesc / createdDate, and the orderStatusString texts
# (only "Pembayaran Diterima", FP's, is seen in a source; neraca reads the code, not the text).
# ---------------------------------------------------------------------------------------------------------------
def blibli_item(order_no, item_no, status, status_desc, order_ms, name, item_name, qty, price, sku):
    return {
        "orderNo": order_no, "orderItemNo": item_no, "qty": qty, "orderDate": order_ms,
        "autoCancelDate": order_ms + 2 * 86400000, "productName": name, "productItemName": item_name,
        "productPrice": price, "total": price * qty, "itemWeightInKg": 0.5, "custName": "Pembeli Dummy",
        "orderStatus": status, "orderStatusString": status_desc, "customerAddress": "Jl. Dummy No. 1",
        "customerEmail": "dummy@example.invalid", "logisticsService": "REG", "currentLogisticService": "REG",
        "pickupPoint": "PP-3000001", "gdnSku": f"TOD-60001-{sku:05d}", "gdnItemSku": f"TOD-60001-{sku:05d}-00001",
        "merchantSku": f"DUM-{sku:03d}", "totalWeight": 0.5 * qty, "merchantDeliveryType": "PICKUP",
        "awbNumber": "", "awbStatus": "", "shippingStreetAddress": "Jl. Dummy No. 1",
        "shippingCity": "Kota Bandung", "shippingSubDistrict": "Coblong", "shippingDistrict": "Coblong",
        "shippingProvince": "Jawa Barat", "shippingZipCode": "40132", "shippingCost": 9000.0,
        "shippingMobile": "0800000000", "shippingInsuredAmount": 0.0, "startOperationalTime": "",
        "endOperationalTime": "", "issuer": "", "refundResolution": "", "unFullFillReason": "",
        "unFullFillQuantity": 0, "productTypeCode": "1", "productTypeName": "Regular", "custNote": "",
        "shippingRecipientName": "Penerima Dummy", "logisticsProductCode": "JNE", "logisticsProductName": "JNE Reguler",
        "logisticsOptionCode": "REG", "logisticsOptionName": "Reguler", "destinationLongitude": "",
        "destinationLatitude": "",
        "orderHistory": [{"orderStatus": status, "orderStatusDesc": status_desc, "createdDate": order_ms + 3600000},
                         {"orderStatus": "FP", "orderStatusDesc": "Pembayaran Diterima", "createdDate": order_ms}],
    }


BLIBLI_ITEMS = [
    # 1-2 one order, two items, delivered; 01/08/2024 10:22:11 WIB
    blibli_item("25100026490", "25000179189", "D", "Terkirim", 1722482531000, "Kemeja Batik Dummy",
                "Kemeja Batik Dummy - L", 1, 125000.0, 1),
    blibli_item("25100026490", "25000179190", "D", "Terkirim", 1722482531000, "Kopi Dummy 250 g",
                "Kopi Dummy 250 g", 3, 45500.0, 2),
    # 3 delivered, 31/08/2024 23:30:05 WIB: 16:30:05 UTC, still a sale of August in Jakarta
    blibli_item("25100026491", "25000179191", "D", "Terkirim", 1725121805000, "Rice Cooker Dummy 1.8L",
                "Rice Cooker Dummy 1.8L", 1, 1299000.0, 3),
    # 4 cancelled
    blibli_item("25100026492", "25000179192", "X", "Batal", 1722647700000, "Kemeja Batik Dummy",
                "Kemeja Batik Dummy - M", 1, 125000.0, 1),
    # 5 product out of stock: cancelled by the seller
    blibli_item("25100026493", "25000179193", "OS", "Produk Habis", 1722747600000, "Kopi Dummy 250 g",
                "Kopi Dummy 250 g", 2, 45500.0, 2),
    # 6 delivery failed
    blibli_item("25100026494", "25000179194", "DF", "Gagal Kirim", 1722861930000, "Kopi Dummy 250 g",
                "Kopi Dummy 250 g", 1, 45500.0, 2),
    # 7 in delivery, 8 paid and waiting for the seller: not final
    blibli_item("25100026495", "25000179195", "CX", "Dalam Pengiriman", 1722902700000, "Kemeja Batik Dummy",
                "Kemeja Batik Dummy - S", 1, 125000.0, 1),
    blibli_item("25100026496", "25000179196", "FP", "Pembayaran Diterima", 1723039800000, "Rice Cooker Dummy 1.8L",
                "Rice Cooker Dummy 1.8L", 1, 1299000.0, 3),
]


def write_blibli(out):
    import json
    d = f"{out}/blibli-api/toko-dummy"
    if os.path.exists(f"{out}/blibli-api"):
        shutil.rmtree(f"{out}/blibli-api")
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/blibli_orders_2024-08.jsonl", "w", newline="", encoding="utf-8") as fh:
        for item in BLIBLI_ITEMS:
            fh.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    for m in ("shopee-seller", "tiktokshop-seller", "lazada-seller", "tokopedia-seller"):
        if os.path.exists(f"{OUT}/{m}"):
            shutil.rmtree(f"{OUT}/{m}")
    write_xlsx(f"{OUT}/shopee-seller/toko-dummy/Order.all.20240801_20240831.xlsx", [SHOPEE_HEADER] + SHOPEE_ROWS)
    os.makedirs(f"{OUT}/tiktokshop-seller/toko-dummy", exist_ok=True)
    with open(f"{OUT}/tiktokshop-seller/toko-dummy/tiktok_orders_2024-08.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\r\n")   # INFERRED: CRLF, UTF-8 without BOM
        w.writerow(TT_HEADER)
        w.writerow([TT_DESC.get(h, '') for h in TT_HEADER])
        w.writerows(TT_ROWS)
    write_xlsx(f"{OUT}/lazada-seller/toko-dummy/Lazada_Orders_2024-08.xlsx", [LZ_HEADER] + LZ_ROWS, sheet_name="sheet1")
    write_xlsx(f"{OUT}/tokopedia-seller/toko-dummy/Laporan_Penjualan_2024-08.xlsx", TP_ROWS, sheet_name="Laporan Penjualan")
    write_blibli(OUT)


if __name__ == "__main__":
    main()
